import { html, nothing, type TemplateResult } from 'lit';
import type { KitError } from '../model/errors.js';
import type { Locale } from '../i18n/locale.js';
import { lostCause } from '../i18n/lost-answer.js';
import type { Store } from '../core/store.js';
import { FlowController } from './flow-controller.js';
import { ModalController } from './modal-controller.js';
import type { Verifier, VerifierController, VerifierHost } from './verifier-controller.js';

/**
 * A per-item decision as the dialog drives it (unbinding a customer, deciding an unbind request,
 * reclaiming a coupon): a flow whose `confirm()` and `check()` resolve with the settled result, or
 * `undefined` when the state says why not, and which cannot be dismissed while `busy`.
 */
export interface DecisionFlow {
  readonly busy: boolean;
  confirm(): Promise<unknown>;
  check(): Promise<unknown>;
  dismiss(): void;
}

/** What a confirmation or a check resolves with: the settled result, or `undefined`. */
type ResultOf<F extends DecisionFlow> = Awaited<ReturnType<F['confirm']>>;

/** The dialog's content in one step: its title (where focus rests), its body and its buttons. */
export interface DecisionStep {
  title: string;
  body: unknown;
  actions: unknown;
}

/** The words every decision dialog shares, from the element's own catalogue. */
export interface DecisionMessages {
  cancel: string;
  close: string;
  retry: string;
  verifying: string;
  submitting: string;
  notDone: string;
  unknownTitle: string;
  unknownText: string;
  stillUnknown: string;
  checkOutcome: string;
  checkAgain: string;
  checkingOutcome: string;
}

/** A step in which the decision is asked, sent, refused or found not done: the question stays on screen. */
export interface QuestionState {
  step: 'confirming' | 'verifying' | 'submitting' | 'failed' | 'not-done';
  error?: KitError | undefined;
}

/** A decision whose answer was lost: frozen until a retry under the same key or a check settles it. */
export interface UnknownState {
  step: 'outcome-unknown';
  error: KitError;
  checking: boolean;
  stillUnknown: boolean;
}

export interface DecisionDialogOptions<S extends { step: string }, F extends DecisionFlow, R extends { purpose: string }> {
  /** Where codes come from: the host's `verifier`, else the embedded dialog this controller renders. */
  verifier: VerifierController<R>;
  /** Makes the element's flow; it asks for codes through `verify`. */
  flow: (verify: Verifier<R>) => F & Store<S>;
  /** The dialog's content in every step but `idle`. */
  step: (state: Exclude<S, { step: 'idle' }>) => DecisionStep;
  /**
   * Every answer of an ask, a confirmation or a check comes here once: the result when the decision
   * settled (fire the event, update the list), `undefined` when it did not (the flow's state says why).
   */
  settle: (result: ResultOf<F>) => void;
  /** The element's shared words, in its current language. */
  messages: () => DecisionMessages;
  /** How the element words an error. */
  errorText: (error: KitError) => string;
  /** The element's language now: why an outcome is unknown is said in the kit's words for a lost answer. */
  locale: () => Locale;
  /** Where focus goes on close when the button that opened the dialog is gone. */
  fallbackFocus: () => HTMLElement | undefined;
  /** The id of the dialog's title, which names the dialog. */
  titleId: string;
}

/**
 * The decision dialog of a list row: its flow (re-rendering the element on each change), the
 * `<dialog>` (opened while the flow is not idle, closed through a cancelable
 * `<tag>-request-close`, focus returned to the row), the code step (the element's
 * `VerifierController`, whose embedded `<verification-code-modal>` is rendered here), and the ask /
 * confirm / check / close handlers, each of whose answers reaches the element's `settle` once. The
 * element draws each step's words; the question, unknown-outcome and done steps share their frame
 * and buttons here. It registers itself to move focus once a step is drawn; the controllers it holds are the host's.
 */
export class DecisionDialogController<S extends { step: string }, F extends DecisionFlow, R extends { purpose: string }> {
  /** The element's flow. */
  readonly flow: F & Store<S>;
  readonly #host: VerifierHost<R>;
  readonly #options: DecisionDialogOptions<S, F, R>;
  readonly #view: FlowController<S>;
  readonly #modal: ModalController;
  /** What takes focus after the next update: the title of a settled step, or the field that refused. */
  #focusNext: string | undefined;

  constructor(host: VerifierHost<R>, options: DecisionDialogOptions<S, F, R>) {
    this.#host = host;
    this.#options = options;
    this.flow = options.flow((request) => options.verifier.verify(request));
    this.#view = new FlowController(host, this.flow);
    this.#modal = new ModalController(host, {
      isOpen: () => this.flow.state.step !== 'idle',
      onRequestClose: () => this.flow.dismiss(),
      fallbackFocus: options.fallbackFocus,
    });
    host.addController(this);
  }

  /**
   * Focus moves once the step it goes to is drawn, not at `updateComplete`: on a kit element that
   * waits for parts still being fetched (an idle preload on a slow network), and focus must not stall.
   */
  hostUpdated(): void {
    const target = this.#focusNext;
    if (target === undefined) return;
    this.#focusNext = undefined;
    const dialog = this.#modal.dialog;
    // Focus that fell with the buttons a new step replaced (after the code dialog closed) goes to the title.
    const fallen = dialog?.matches(':focus-within') === false;
    (dialog?.querySelector<HTMLElement>(target) ?? (fallen ? dialog.querySelector<HTMLElement>('[data-focus]') : null))?.focus();
  }

  /** Opens the decision `start` asks the flow for (`(flow) => flow.ask(row)`); its answer is settled like any other. */
  ask(start: (flow: F & Store<S>) => Promise<ResultOf<F>>): void {
    void start(this.flow).then(this.#settled);
  }

  /** Sends the decision shown (after an unknown outcome: the same one, same key). */
  readonly confirm = async (): Promise<void> => {
    this.#answered((await this.flow.confirm()) as ResultOf<F>);
  };

  /** Asks the backend what became of the decision whose answer was lost. */
  readonly check = async (): Promise<void> => {
    this.#answered((await this.flow.check()) as ResultOf<F>);
  };

  /** Asks to close, as the dialog's Cancel / Close buttons do. */
  readonly close = (): void => {
    this.#modal.requestClose('close-button');
  };

  /** The dialog and the embedded code dialog; place once in the element's template. */
  render(): TemplateResult {
    const state = this.#view.state;
    return html`<dialog part="dialog" aria-labelledby=${this.#options.titleId}>${state.step === 'idle' ? nothing : this.#frame(state as Exclude<S, { step: 'idle' }>)}</dialog>
      ${this.#options.verifier.render()}`;
  }

  /** The Cancel button: inert (but focusable) while the decision is in flight. */
  cancelButton(): TemplateResult {
    return html`<button type="button" aria-disabled=${String(this.flow.busy)} @click=${this.close}>${this.#options.messages().cancel}</button>`;
  }

  /**
   * The question, while it is asked, sent, refused or found not done: `body` between the not-done
   * notice and the error / progress lines; Cancel and the confirm button (Retry after a failure).
   */
  question(state: QuestionState, step: { title: string; body: unknown; confirmLabel: string }): DecisionStep {
    const m = this.#options.messages();
    const progress = state.step === 'verifying' ? m.verifying : state.step === 'submitting' ? m.submitting : '';
    const error = state.step === 'failed' || state.step === 'not-done' ? state.error : undefined;
    return {
      title: step.title,
      body: html`${state.step === 'not-done' ? html`<p role="status">${m.notDone}</p>` : nothing}
        ${step.body}
        <p part="error" role="alert">${error ? this.#options.errorText(error) : ''}</p>
        <p class="muted" aria-live="polite">${progress}</p>`,
      actions: html`${this.cancelButton()}
        <button type="button" class="primary" aria-busy=${String(this.flow.busy)} @click=${this.confirm}>${state.step === 'failed' ? m.retry : step.confirmLabel}</button>`,
    };
  }

  /** A decision whose answer was lost: what is known, a check, and a retry of the same decision. `lead` says which decision. */
  unknown(state: UnknownState, lead: unknown = nothing): DecisionStep {
    const m = this.#options.messages();
    return {
      title: m.unknownTitle,
      body: html`${lead}
        <p role="alert">${state.stillUnknown ? m.stillUnknown : m.unknownText}</p>
        <p class="muted">${lostCause(state.error, this.#options.locale())}</p>
        <p class="muted" aria-live="polite">${state.checking ? m.checkingOutcome : ''}</p>`,
      actions: html`${this.cancelButton()}
        <button type="button" aria-busy=${String(state.checking)} @click=${this.check}>${state.stillUnknown ? m.checkAgain : m.checkOutcome}</button>
        <button type="button" class="primary" aria-disabled=${String(this.flow.busy)} @click=${this.confirm}>${m.retry}</button>`,
    };
  }

  /** The settled decision: what it did, and Close. */
  done(title: string, body: unknown): DecisionStep {
    return { title, body, actions: html`<button type="button" class="primary" @click=${this.close}>${this.#options.messages().close}</button>` };
  }

  /** One frame for every step, so the title (where focus rests) stays the same node while the step changes. */
  #frame(state: Exclude<S, { step: 'idle' }>) {
    const { title, body, actions } = this.#options.step(state);
    return html`<header class="dialog-header"><h2 id=${this.#options.titleId} tabindex="-1" data-focus>${title}</h2></header>
      <div class="dialog-body">${body}</div>
      <footer class="dialog-actions">${actions}</footer>`;
  }

  /** Each answer reaches the element once; a settled decision keeps focus in the dialog, on its title. */
  readonly #settled = (result: ResultOf<F>): void => {
    this.#options.settle(result);
    if (result === undefined) return;
    this.#focusOnceDrawn('[data-focus]');
  };

  /**
   * A confirmation or check answered. Not settled: focus goes to the field that refused (a reject
   * without its reason), whose description says why, else stays where it is unless it fell.
   */
  #answered(result: ResultOf<F>): void {
    this.#settled(result);
    if (result === undefined) this.#focusOnceDrawn('[aria-invalid=true]');
  }

  #focusOnceDrawn(selector: string): void {
    this.#focusNext = selector;
    this.#host.requestUpdate();
  }
}
