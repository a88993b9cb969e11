import { html, nothing, svg, type PropertyValues, type SVGTemplateResult } from 'lit';
import { KitElement } from '../kit-element.js';
import type { PartnerApi } from '../../api/adapter.js';
import type { RevealRequest } from '../../model/schemas/reveal.js';
import { KitError } from '../../model/errors.js';
import { mask, type MaskKind } from '../../core/masks.js';
import type { RevealState } from '../../core/reveal-flow.js';
import { KitController } from '../../controllers/kit-controller.js';
import { emit, emitLoadFailed, watchLoadFailed } from '../events.js';
import { maskedFieldMessages, revealFailure } from '../../i18n/messages/masked-field.js';
import type { RevealPart } from './reveal-part.js';
import { maskedFieldStyles } from './masked-field.styles.js';

/** Detail of `masked-field-revealed`: never the value itself. */
export interface MaskedFieldRevealedDetail {
  kind: MaskKind;
  source: 'host' | 'adapter';
}

/** Detail of `masked-field-hidden`: `disconnected` when the field left the page while shown. */
export interface MaskedFieldHiddenDetail {
  kind: MaskKind;
  reason: 'user' | 'auto-hide' | 'value-changed' | 'disconnected';
}

const eye = svg`<path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z"/><circle cx="12" cy="12" r="3"/>`;
const eyeOff = svg`${eye}<path d="M3 3l18 18"/>`;
const copyIcon = svg`<rect x="8" y="8" width="13" height="13" rx="2"/><path d="M4 16V4h12"/>`;
const icon = (paths: SVGTemplateResult) => html`<svg viewBox="0 0 24 24" aria-hidden="true">${paths}</svg>`;

/**
 * Where the reveal part's code comes from: fetched once per page, on the first reveal, since a
 * page of masked values mostly shows masks. Tests swap `fetch` to see a fetch fail.
 */
export const revealPartModule = { fetch: () => import('./reveal-part.js') };
let revealPartComing: ReturnType<typeof revealPartModule.fetch> | undefined;

/**
 * A personal value (customer name, mobile number, e-mail) hidden by default behind a mask, with an
 * eye button that shows and hides it. While hidden, the full value is nowhere in the DOM, its
 * attributes or the accessibility tree. The full value comes from the host (`value`) or, preferred
 * for real portals, from the adapter on each reveal (`reveal-resource` + `reveal-id`), so the
 * backend can authorise and audit it.
 *
 * @summary A masked personal value with an eye button.
 *
 * @event {CustomEvent<MaskedFieldRevealedDetail>} masked-field-revealed - The full value is shown (the detail never holds it).
 * @event {CustomEvent<MaskedFieldHiddenDetail>} masked-field-hidden - The value is hidden again; `reason` says why.
 * @event {CustomEvent<LoadFailedDetail>} masked-field-load-failed - The full value could not be loaded for a reveal; `detail.error` is the `KitError` (`configuration` under a provider with `require-api` and no adapter).
 *
 * @csspart value - The masked or full text.
 * @csspart toggle - The eye button.
 * @csspart copy - The copy button (with `copyable`, while shown).
 * @csspart status - Feedback: copied, or why the value could not be shown.
 * @csspart demo-marker - The "demo data" marker, shown while the element runs on the in-memory adapter.
 *
 * @cssproperty --pk-color-text - Text colour.
 * @cssproperty --pk-color-text-muted - Icon and feedback colour.
 * @cssproperty --pk-color-primary - Icon colour on hover.
 * @cssproperty --pk-color-danger - Error feedback colour.
 * @cssproperty --pk-focus-ring-color - Keyboard focus ring.
 */
export class MaskedField extends KitElement {
  static override styles = maskedFieldStyles;

  static override properties = {
    kind: {},
    value: { attribute: false },
    masked: {},
    mask: { attribute: false },
    revealResource: { attribute: 'reveal-resource' },
    revealId: { attribute: 'reveal-id' },
    revealField: { attribute: 'reveal-field' },
    label: {},
    autoHide: { type: Number, attribute: 'auto-hide' },
    copyable: { type: Boolean },
    api: { attribute: false },
    locale: {},
  };

  /** What the value is: chooses the mask and the button's accessible name. */
  declare kind: MaskKind;

  /**
   * The full value, when the host has it. A property only, never an attribute: an attribute
   * would put the value in the DOM.
   */
  declare value: string | undefined;

  /** The text shown while hidden. Unset: derived from `value` by the kind's mask. */
  declare masked: string | undefined;

  /** A custom mask for `value`, replacing the kind's. */
  declare mask: ((value: string) => string) | undefined;

  /** Reveal through the adapter (attribute `reveal-resource`): which record type holds the value. */
  declare revealResource: RevealRequest['resource'] | undefined;

  /** Reveal through the adapter (attribute `reveal-id`): the record's id. */
  declare revealId: string | undefined;

  /** Reveal through the adapter (attribute `reveal-field`): which field of the record. Unset: follows `kind`. */
  declare revealField: RevealRequest['field'] | undefined;

  /** What the value is called in the button's name ("Show {label}"). Unset: a localised noun for `kind`. */
  declare label: string | undefined;

  /** Hide again after this many seconds (attribute `auto-hide`; paused while the field has focus). 0: stay shown. */
  declare autoHide: number;

  /** Offer a copy button while the value is shown. */
  declare copyable: boolean;

  /** The adapter for reveals. Unset: the provider's, else the embedded default. */
  declare api: PartnerApi | undefined;

  /** `zh-CN` or `en-US`. Unset: the provider's, else `<html lang>`. */
  declare locale: string | undefined;

  readonly #kit = new KitController(this);
  /** The reveal part, once its code has come. */
  #part: RevealPart | undefined;
  /** A reveal asked for while the part's code comes. */
  #pending: Promise<void> | undefined;
  /** The part's code could not be fetched: shown as a failed reveal, which the next reveal retries. */
  #failure: KitError | undefined;

  constructor() {
    super();
    this.kind = 'text';
    this.autoHide = 0;
    this.copyable = false;
  }

  /** Whether the full value is on screen now (read-only; `show()` and `hide()` change it). */
  get revealed(): boolean {
    return this.#part?.flow.state.status === 'revealed';
  }

  /** Shows the full value (loading it from the adapter when needed). */
  show(): Promise<void> {
    if (this.#part) return this.#part.flow.reveal();
    this.#failure = undefined;
    this.#pending ??= (revealPartComing ??= revealPartModule.fetch()).then(
      ({ RevealPart }) => {
        if (!this.#part) {
          this.#part = new RevealPart(this, () => this.#kit.api(), emit);
          watchLoadFailed(this, this.#part.flow, (state) => (state.status === 'error' ? state.error : undefined));
        }
        if (!this.#pending) return undefined;
        this.#pending = undefined;
        return this.#part.flow.reveal();
      },
      (cause: unknown) => {
        revealPartComing = undefined;
        if (!this.#pending) return;
        this.#pending = undefined;
        this.#failure = new KitError('network', '<masked-field> could not load its reveal.', { reason: navigator.onLine === false ? 'offline' : 'module-load', cause });
        this.requestUpdate();
        emitLoadFailed(this, this.#failure);
      },
    );
    this.requestUpdate();
    return this.#pending;
  }

  /** Hides the value and forgets it. */
  hide(): void {
    this.#stop('user');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop('disconnected');
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    // A reveal waiting for the part's code: a host awaiting the update sees it under way.
    if (this.#pending) await revealPartComing?.catch(() => undefined);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.#part) this.#part.flow.autoHideMs = Math.max(0, this.autoHide) * 1000;
    const sourceChanged = ['value', 'revealId', 'revealResource', 'revealField'].some((key) => changed.has(key as keyof MaskedField));
    if (sourceChanged && this.hasUpdated) this.#stop('value-changed');
  }

  protected override render() {
    const m = maskedFieldMessages(this.#kit.locale);
    const label = this.label ?? m.noun(this.kind);
    const part = this.#part;
    const { status, value, error } = part?.flow.state ?? { status: this.#pending ? 'loading' : this.#failure ? 'error' : 'hidden', error: this.#failure };
    const shown = status === 'revealed' && value !== undefined;
    const text = shown ? value : this.#maskedText();
    const busy = status === 'loading';
    const failed = status === 'error' || part?.copyFeedback === 'failed';
    return html`${this.#kit.renderDemoMarker()}<span part="value">${text}</span
      ><button part="toggle" type="button" aria-label=${m.show(label)} aria-pressed=${String(shown)} aria-busy=${String(busy)} @click=${this.#onToggle}>${icon(shown ? eyeOff : eye)}</button
      >${shown && this.copyable ? html`<button part="copy" type="button" aria-label=${m.copy(label)} @click=${() => part?.copy()}>${icon(copyIcon)}</button>` : nothing}<span
        part="status"
        role="status"
        class=${failed ? 'error' : ''}
        >${this.#statusText(status, error, label)}</span
      >`;
  }

  #statusText(status: RevealState['status'], error: KitError | undefined, label: string) {
    const m = maskedFieldMessages(this.#kit.locale);
    const part = this.#part;
    const announced = part ? part.announced : this.#pending && 'loading';
    if (status === 'error' && error) return `${m.revealFailed(label)} ${m.why(revealFailure(error))}`;
    if (part?.copyFeedback) return part.copyFeedback === 'copied' ? m.copied : m.copyFailed;
    return html`<span class="visually-hidden">${announced ? m[announced](label) : ''}</span>`;
  }

  /** Hides the value, if shown or on its way (a reveal still waiting for the part's code is dropped), for `reason`. */
  #stop(reason: MaskedFieldHiddenDetail['reason']): void {
    if (this.#pending || this.#failure) {
      this.#pending = undefined;
      this.#failure = undefined;
      this.requestUpdate();
    }
    this.#part?.hide(reason);
  }

  #maskedText(): string {
    if (this.masked !== undefined) return this.masked;
    if (this.value === undefined) return '****';
    return this.mask ? this.mask(this.value) : mask(this.value, this.kind);
  }

  #onToggle = (): void => {
    if (this.#part) this.#part.copyFeedback = undefined;
    if (this.revealed) this.hide();
    else void this.show();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'masked-field': MaskedField;
  }
  interface GlobalEventHandlersEventMap {
    'masked-field-revealed': CustomEvent<MaskedFieldRevealedDetail>;
    'masked-field-hidden': CustomEvent<MaskedFieldHiddenDetail>;
  }
}
