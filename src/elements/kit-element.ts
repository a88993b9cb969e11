import { LitElement } from 'lit';
import { kitUpdateHold } from '../controllers/kit-controller.js';

/**
 * The base of every kit element that shows words: an update waits while the messages of the
 * element's locale are still being fetched, so the element never paints in a language it was not
 * asked for, and `updateComplete` resolves once it shows the right one.
 */
export class KitElement extends LitElement {
  protected override scheduleUpdate(): void | Promise<unknown> {
    const hold = kitUpdateHold(this);
    if (!hold) return super.scheduleUpdate();
    return hold.then(() => super.scheduleUpdate());
  }
}
