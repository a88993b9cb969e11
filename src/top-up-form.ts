/**
 * `<top-up-form>`: importing this entry registers it (once, even if loaded twice).
 * @module
 */
import { TopUpForm } from './elements/top-up-form/top-up-form.js';
import { defineElement } from './elements/define.js';

export { TopUpForm, type TopUpCompletedDetail, type TopUpRedirectDetail } from './elements/top-up-form/top-up-form.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { CompletedTopUp } from './core/payments/top-up-state.js';
export type { LoadFailedDetail } from './elements/events.js';

defineElement('top-up-form', TopUpForm);
