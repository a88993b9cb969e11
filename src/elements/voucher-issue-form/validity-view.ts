import { html, nothing } from 'lit';
import type { Quota } from '../../model/schemas/coupons.js';
import type { localDate } from '../../core/dates.js';
import type { IssueDraft, IssueErrors, IssueFlow } from '../../core/vouchers/issue-flow.js';
import type { formatDate } from '../../i18n/format-date.js';
import type { Locale } from '../../i18n/locale.js';
import { issueOutcomeMessages } from '../../i18n/messages/voucher-issue-form-outcome.js';
import type { restrictionValue } from '../../i18n/restrictions.js';

/**
 * What the section's editors take from `<voucher-issue-form>`: the state they draw and the helpers
 * the form already holds, which imported here would split into chunks of their own. Their words
 * come with them (`issueOutcomeMessages`).
 */
export interface ValidityContext {
  locale: Locale;
  draft: IssueDraft;
  quota: Quota | undefined;
  error: IssueErrors['validity'];
  flow: Pick<IssueFlow, 'setValidity' | 'toggleServiceType'>;
  /** The quota restriction that lists the service types a coupon may be limited to. */
  serviceTypeKey: string;
  localDate: typeof localDate;
  formatDate: typeof formatDate;
  restrictionValue: typeof restrictionValue;
}

/** The optional validity, inside the quota's window, and the service types within its restrictions. */
export function renderValidity(context: ValidityContext) {
  const { locale, draft, quota, error, flow, serviceTypeKey, localDate, formatDate, restrictionValue } = context;
  const m = issueOutcomeMessages(locale);
  const first = quota ? localDate(quota.effectiveFrom) : '';
  const last = quota ? localDate(quota.expiresAt) : '';
  const types = quota?.restrictions.find((r) => r.key === serviceTypeKey)?.values ?? [];
  const invalid = String(error !== undefined);
  return html`<div class="field-row">
      <div class="field">
        <label for="valid-from">${m.validFrom}</label>
        <input id="valid-from" type="date" min=${first} max=${last} .value=${draft.validFrom} aria-invalid=${invalid}
          aria-describedby="validity-hint validity-error" @change=${(e: Event) => flow.setValidity((e.target as HTMLInputElement).value, draft.validUntil)} />
      </div>
      <div class="field">
        <label for="valid-until">${m.validUntil}</label>
        <input id="valid-until" type="date" min=${first} max=${last} .value=${draft.validUntil} aria-invalid=${invalid}
          aria-describedby="validity-hint validity-error" @change=${(e: Event) => flow.setValidity(draft.validFrom, (e.target as HTMLInputElement).value)} />
      </div>
    </div>
    <p id="validity-hint" class="hint">${quota ? m.validityHint(formatDate(quota.effectiveFrom, locale), formatDate(quota.expiresAt, locale)) : ''}</p>
    <p id="validity-error" part="error">${error === 'order' ? m.validityOrder : error === 'outside-quota' ? m.validityOutside : ''}</p>
    ${types.length > 0
      ? html`<fieldset>
          <legend>${m.services}</legend>
          ${types.map(
            (t) =>
              html`<label class="choice"
                ><input type="checkbox" .checked=${draft.serviceTypes.includes(t)} @change=${() => flow.toggleServiceType(t)} />${restrictionValue(serviceTypeKey, t, locale)}</label
              >`,
          )}
          <p class="hint">${m.servicesHint}</p>
        </fieldset>`
      : nothing}`;
}
