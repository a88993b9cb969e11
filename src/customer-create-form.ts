/**
 * `<customer-create-form>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { CustomerCreateForm } from './elements/customer-create-form/customer-create-form.js';
import { defineElement } from './elements/define.js';

export { CustomerCreateForm, type CustomerCreatedDetail } from './elements/customer-create-form/customer-create-form.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';

defineElement('customer-create-form', CustomerCreateForm);
