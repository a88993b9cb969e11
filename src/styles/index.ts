/**
 * The kit's one visual system. An element adopts the sheets it draws with, after `base`:
 * `static override styles = [base, buttons, fields, table, ownStyles]`. Tokens are in `tokens.ts`.
 */
export { base } from './tokens.js';
export { badges } from './badges.js';
export { buttons } from './buttons.js';
export { dialogBase } from './dialog.js';
export { fields } from './fields.js';
export { pager } from './pager.js';
export { states } from './states.js';
export { table } from './table.js';
export { darkTokens } from './themes.js';
