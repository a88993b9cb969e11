import { html, type ReactiveElement, type TemplateResult } from 'lit';
import type { IssuedCoupon, ReclaimResult } from '../../model/schemas/coupons.js';
import type { KitError } from '../../model/errors.js';
import type { Locale } from '../../i18n/locale.js';
import { formatMoney } from '../../core/money.js';
import { ReclaimFlow, type ReclaimApi, type ReclaimState, type ReclaimVerifier } from '../../core/vouchers/reclaim-flow.js';
import { DecisionDialogController, type DecisionStep } from '../../controllers/decision-dialog-controller.js';
import { VerifierController, type VerifierHost } from '../../controllers/verifier-controller.js';
import { errorMessage, withSupportCode } from '../../i18n/error-messages.js';
import type { issuedMessages } from '../../i18n/messages/issued-voucher-list.js';
import type { voucherMessages } from '../../i18n/messages/vouchers.js';
import { dialogBase } from '../../styles/dialog.js';
import { adoptLateStyles } from '../late-styles.js';

type ReclaimRequest = Parameters<ReclaimVerifier>[0];

/**
 * What the reclaim dialog takes from `<issued-voucher-list>`, its words among them: a part fetched
 * later that imported the catalogues the list already holds would split them into chunks of their own.
 */
export interface ReclaimContext {
  host: VerifierHost<ReclaimRequest> & ReactiveElement;
  api: () => Promise<ReclaimApi>;
  locale: () => Locale;
  messages: () => ReturnType<typeof issuedMessages>;
  vouchers: () => ReturnType<typeof voucherMessages>;
  /** Each answer of an ask, a confirmation or a check, once: the result when the coupon was reclaimed. */
  settle: (result: ReclaimResult | undefined) => void;
  /** Where focus goes on close when the Reclaim button that opened the dialog is gone. */
  fallbackFocus: () => HTMLElement | undefined;
}

/**
 * The reclaim dialog of `<issued-voucher-list>`: the question, the code step, the unknown outcome
 * and what was taken back, over a {@link ReclaimFlow}. The controllers it makes are the host's from
 * the moment it is made, so the first coupon asked about opens the dialog as any later one does.
 */
export class ReclaimDialog {
  readonly #context: ReclaimContext;
  readonly #decision: DecisionDialogController<ReclaimState, ReclaimFlow, ReclaimRequest>;

  constructor(context: ReclaimContext) {
    this.#context = context;
    const { host, messages } = context;
    // Made when Reclaim is pressed, before the dialog's first render: it never paints unstyled.
    adoptLateStyles(host, dialogBase);
    this.#decision = new DecisionDialogController(host, {
      verifier: new VerifierController<ReclaimRequest>(host, (request) => messages().reclaimLabel(request.coupon.id)),
      flow: (verify) => new ReclaimFlow({ api: context.api, verify }),
      step: (state) => this.#step(state),
      settle: context.settle,
      messages,
      errorText: (error) => this.#errorText(error),
      locale: () => this.#context.locale(),
      fallbackFocus: context.fallbackFocus,
      titleId: 'reclaim-title',
    });
  }

  /** Asks about reclaiming `coupon` (or, when its last reclaim was lost, what became of it). */
  ask(coupon: IssuedCoupon): void {
    this.#decision.ask((flow) => flow.ask(coupon));
  }

  /** The dialog and the embedded code dialog. */
  render(): TemplateResult {
    return this.#decision.render();
  }

  #step(state: Exclude<ReclaimState, { step: 'idle' }>): DecisionStep {
    const locale = this.#context.locale();
    const m = this.#context.messages();
    const { coupon } = state;
    const money = (minor: number) => formatMoney(minor, locale, coupon.currency);
    if (state.step === 'done') return this.#decision.done(m.doneTitle, html`<p>${m.doneText(formatMoney(state.result.reclaimedAmount, locale, state.result.currency), money(coupon.faceValue))}</p>`);
    if (state.step === 'outcome-unknown') return this.#decision.unknown(state);
    return this.#decision.question(state, { title: m.askTitle, body: html`<p>${m.askText(coupon.id, money(coupon.balance))}</p>`, confirmLabel: m.confirm });
  }

  #errorText(error: KitError): string {
    const locale = this.#context.locale();
    const text = error.reason && error.code === 'conflict' ? this.#context.vouchers().itemFailure(error.reason) : errorMessage(error, locale);
    return withSupportCode(error, locale, text);
  }
}
