/**
 * `<masked-field>`: importing this entry registers the element (once, even if loaded twice).
 * @module
 */
import { MaskedField } from './elements/masked-field/masked-field.js';
import { defineElement } from './elements/define.js';

export { MaskedField, type MaskedFieldHiddenDetail, type MaskedFieldRevealedDetail } from './elements/masked-field/masked-field.js';

defineElement('masked-field', MaskedField);
