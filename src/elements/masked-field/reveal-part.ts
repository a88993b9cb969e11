import type { PartnerApi } from '../../api/adapter.js';
import type { RevealRequest } from '../../model/schemas/reveal.js';
import { KitError } from '../../model/errors.js';
import type { MaskKind } from '../../core/masks.js';
import { RevealFlow, type RevealState } from '../../core/reveal-flow.js';
import type { emit } from '../events.js';
import type { MaskedFieldHiddenDetail, MaskedFieldRevealedDetail } from './masked-field.js';

/** What the part reads of its `<masked-field>`. */
export interface RevealField extends HTMLElement {
  readonly kind: MaskKind;
  readonly value: string | undefined;
  readonly revealResource: RevealRequest['resource'] | undefined;
  readonly revealId: string | undefined;
  readonly revealField: RevealRequest['field'] | undefined;
  readonly autoHide: number;
  requestUpdate(): void;
}

/**
 * What `<masked-field>` does once asked to show its value, fetched with its first reveal: the
 * reveal flow (loading, auto-hide, forgetting), the live region's announcements, the events and
 * copying. Until then the field only draws its mask and its eye. It is handed what it shares with
 * the field (`emit`) rather than importing it, so a page's bundler keeps that in the field's chunk
 * instead of splitting it into one more file to download up front.
 */
export class RevealPart {
  readonly flow: RevealFlow;
  /** What the live region says about showing / hiding: a message, worded on render, so a locale switch rewords it. */
  announced: 'loading' | 'shown' | 'hidden' | undefined;
  copyFeedback: 'copied' | 'failed' | undefined;
  readonly #field: RevealField;
  readonly #api: () => Promise<PartnerApi>;
  readonly #emit: typeof emit;
  #hideReason: MaskedFieldHiddenDetail['reason'] = 'auto-hide';
  #lastStatus: RevealState['status'] = 'hidden';

  constructor(field: RevealField, api: () => Promise<PartnerApi>, fire: typeof emit) {
    this.#field = field;
    this.#api = api;
    this.#emit = fire;
    this.flow = new RevealFlow({ load: (signal) => this.#load(signal) });
    this.flow.autoHideMs = Math.max(0, field.autoHide) * 1000;
    // Focus that came before the part did holds auto-hide as it would have.
    if (field.matches(':focus-within')) this.flow.pauseAutoHide();
    field.addEventListener('focusin', () => this.flow.pauseAutoHide());
    // Listening on the host: focus moving between the eye and the copy button never leaves it, so
    // the host sees no focusout for it (the DOM stops events whose target and relatedTarget meet).
    field.addEventListener('focusout', () => this.flow.resumeAutoHide());
    this.flow.subscribe((state) => {
      this.#announce(state.status);
      field.requestUpdate();
    });
  }

  /** Hides the value, if shown or on its way, for `reason`. */
  hide(reason: MaskedFieldHiddenDetail['reason']): void {
    if (this.flow.state.status === 'hidden') return;
    this.#hideReason = reason;
    this.flow.hide();
  }

  async copy(): Promise<void> {
    const { value } = this.flow.state;
    if (value === undefined) return;
    try {
      await navigator.clipboard.writeText(value);
      this.copyFeedback = 'copied';
    } catch {
      this.copyFeedback = 'failed';
    }
    this.#field.requestUpdate();
  }

  #announce(status: RevealState['status']): void {
    const field = this.#field;
    const previous = this.#lastStatus;
    this.#lastStatus = status;
    if (status === 'loading') this.announced = 'loading';
    if (status === 'revealed' && previous !== 'revealed') {
      this.announced = 'shown';
      this.#emit<MaskedFieldRevealedDetail>(field, 'masked-field-revealed', { kind: field.kind, source: field.value === undefined ? 'adapter' : 'host' });
    } else if (status === 'hidden' && previous === 'revealed') {
      this.announced = 'hidden';
      this.copyFeedback = undefined;
      this.#emit<MaskedFieldHiddenDetail>(field, 'masked-field-hidden', { kind: field.kind, reason: this.#hideReason });
    }
    if (status === 'hidden') this.#hideReason = 'auto-hide';
  }

  async #load(signal: AbortSignal): Promise<string> {
    const field = this.#field;
    if (field.value !== undefined) return field.value;
    if (!field.revealResource || !field.revealId) {
      throw new KitError('configuration', 'Set value, or reveal-resource and reveal-id.', { reason: 'no-source' });
    }
    const api = await this.#api();
    const name = field.revealField ?? (field.kind === 'text' ? 'name' : field.kind);
    const { value } = await api.revealField({ resource: field.revealResource, id: field.revealId, field: name }, { signal });
    return value;
  }
}
