/**
 * `<masked-field>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { MaskedField } from './elements/masked-field/masked-field.js';
import { defineElement } from './elements/define.js';

export { MaskedField, type MaskedFieldHiddenDetail, type MaskedFieldRevealedDetail } from './elements/masked-field/masked-field.js';

// The types this element's properties and events name, so a host imports them from where it imports the element.
export type { PartnerApi } from './api/adapter.js';
export type { MaskKind } from './core/masks.js';
export type { LoadFailedDetail } from './elements/events.js';
export type { RevealRequest } from './model/schemas/reveal.js';

defineElement('masked-field', MaskedField);
