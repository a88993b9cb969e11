/**
 * Every `--pk-*` custom property a host or a theme preset may set. Declared once here, so a preset
 * that misspells a token is a type error rather than a silent no-op. The lines below are the
 * documentation each element's class comment carries (paste the ones it reads):
 *
 * @cssproperty --pk-font-family - Font stack. Default: inherited from the page.
 * @cssproperty --pk-font-size - Body text size. Default: inherited from the page.
 * @cssproperty --pk-font-size-small - Labels, hints, table headers, badges. Default: 0.75rem (12px at the default text size).
 * @cssproperty --pk-font-size-large - Dialog and section titles. Default: 1.15em.
 * @cssproperty --pk-font-size-title - Headline figures. Default: 1.3em.
 * @cssproperty --pk-font-weight-strong - Labels and headers. Default: 600.
 * @cssproperty --pk-line-height - Default: inherited from the page.
 * @cssproperty --pk-color-text - Default: inherited (#1f2329 where a control needs one).
 * @cssproperty --pk-color-text-muted - Secondary text. Default: #5f6670.
 * @cssproperty --pk-color-surface - Controls, tables, dialogs. Default: #ffffff.
 * @cssproperty --pk-color-surface-muted - Table header, disabled controls. Default: #f5f6f7.
 * @cssproperty --pk-color-border - Default: #c9cdd4.
 * @cssproperty --pk-color-primary - Primary button fill, accents. Default: #0b5fd9.
 * @cssproperty --pk-color-on-primary - Text on the primary fill. Default: #ffffff.
 * @cssproperty --pk-color-link - Link buttons and info text. Default: --pk-color-primary.
 * @cssproperty --pk-color-danger - Errors and the danger button. Default: #c4221b.
 * @cssproperty --pk-color-on-danger - Text on the danger fill. Default: #ffffff.
 * @cssproperty --pk-color-success - Default: #137333.
 * @cssproperty --pk-color-warning - Default: #8a5300.
 * @cssproperty --pk-color-backdrop - Behind a modal dialog. Default: rgb(0 0 0 / 0.45).
 * @cssproperty --pk-space-1 - Spacing scale, smallest. Default: 4px.
 * @cssproperty --pk-space-2 - Default: 8px.
 * @cssproperty --pk-space-3 - Default: 12px.
 * @cssproperty --pk-space-4 - Default: 16px.
 * @cssproperty --pk-space-5 - Default: 24px.
 * @cssproperty --pk-space-6 - Default: 32px.
 * @cssproperty --pk-radius - Controls. Default: 4px.
 * @cssproperty --pk-radius-large - Dialogs. Default: 8px.
 * @cssproperty --pk-control-height - Buttons and fields; never under 24px. Default: 2rem.
 * @cssproperty --pk-control-height-small - Default: 1.5rem.
 * @cssproperty --pk-control-height-large - Default: 2.5rem.
 * @cssproperty --pk-table-row-height - Minimum (and virtual) row height. Default: 2.75rem.
 * @cssproperty --pk-shadow - Dialogs. Default: 0 6px 24px rgb(0 0 0 / 0.18).
 * @cssproperty --pk-focus-ring-color - Default: #0b5fd9.
 * @cssproperty --pk-focus-ring-width - Default: 2px.
 * @cssproperty --pk-table-columns - Set by the element: the one column template of its table.
 * @cssproperty --pk-table-max-height - Height at which a table scrolls with its header kept on top. Default: none.
 * @cssproperty --pk-dialog-width - Widest a dialog gets. Default: 32rem.
 */
export type TokenName =
  | '--pk-font-family'
  | '--pk-font-size'
  | '--pk-font-size-small'
  | '--pk-font-size-large'
  | '--pk-font-size-title'
  | '--pk-font-weight-strong'
  | '--pk-line-height'
  | '--pk-color-text'
  | '--pk-color-text-muted'
  | '--pk-color-surface'
  | '--pk-color-surface-muted'
  | '--pk-color-border'
  | '--pk-color-primary'
  | '--pk-color-on-primary'
  | '--pk-color-link'
  | '--pk-color-danger'
  | '--pk-color-on-danger'
  | '--pk-color-success'
  | '--pk-color-warning'
  | '--pk-color-backdrop'
  | '--pk-space-1'
  | '--pk-space-2'
  | '--pk-space-3'
  | '--pk-space-4'
  | '--pk-space-5'
  | '--pk-space-6'
  | '--pk-radius'
  | '--pk-radius-large'
  | '--pk-control-height'
  | '--pk-control-height-small'
  | '--pk-control-height-large'
  | '--pk-table-row-height'
  | '--pk-shadow'
  | '--pk-focus-ring-color'
  | '--pk-focus-ring-width';

/** A set of token values, e.g. one theme's light or dark half. */
export type TokenValues = Readonly<Partial<Record<TokenName, string>>>;

/** `--pk-a: 1; --pk-b: 2;` for a declaration block. */
export function declarations(values: TokenValues): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
}

/** The kit's own dark half. Every text colour here meets 4.5:1 on both dark surfaces. */
export const kitDark: TokenValues = {
  '--pk-color-text': '#e8eaed',
  '--pk-color-text-muted': '#a8adb4',
  '--pk-color-surface': '#1f2329',
  '--pk-color-surface-muted': '#2b3038',
  '--pk-color-border': '#4a5059',
  '--pk-color-primary': '#7cacf8',
  '--pk-color-on-primary': '#0b1b33',
  '--pk-color-link': '#8ab4f8',
  '--pk-color-danger': '#f28b82',
  '--pk-color-on-danger': '#2a0b08',
  '--pk-color-success': '#81c995',
  '--pk-color-warning': '#fdd663',
  '--pk-color-backdrop': 'rgb(0 0 0 / 0.6)',
  '--pk-shadow': '0 6px 24px rgb(0 0 0 / 0.5)',
  '--pk-focus-ring-color': '#7cacf8',
};
