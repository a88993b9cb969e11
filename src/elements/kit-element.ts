import { LitElement } from 'lit';
import { kitMessagesArriving, kitUpdateHold } from '../controllers/kit-controller.js';
import { modulesArriving } from '../controllers/arriving-parts.js';

/**
 * The base of every kit element that shows words: an update waits while the messages of the
 * element's locale are still being fetched, so the element never paints in a language it was not
 * asked for; and `updateComplete` resolves once the parts it is fetching on first use
 * (`LazyModuleController`), and the messages they fetch in turn, have come and are drawn, so a host
 * awaiting it sees what it asked for.
 */
export class KitElement extends LitElement {
  protected override scheduleUpdate(): void | Promise<unknown> {
    const hold = kitUpdateHold(this);
    if (!hold) return super.scheduleUpdate();
    return hold.then(() => super.scheduleUpdate());
  }

  /**
   * Resolves once the update now pending has drawn, without waiting for parts being fetched: where
   * focus goes after a user's action on what is already on screen, which must not stall while an
   * idle preload is on a slow network.
   */
  protected get drawn(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    const arriving = () => modulesArriving(this) ?? kitMessagesArriving(this);
    for (let next = arriving(); next; next = arriving()) {
      await next;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }
}
