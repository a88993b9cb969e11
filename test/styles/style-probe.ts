import { LitElement, css, html } from 'lit';
import { badges, buttons, fields, pager, states, table } from '../../src/styles/index.js';
import { base } from '../../src/styles/tokens.js';

/** A stand-in element that draws with the shared sheets only, the way kit elements adopt them. */
export class StyleProbe extends LitElement {
  static override styles = [
    base,
    buttons,
    fields,
    table,
    badges,
    pager,
    states,
    css`
      :host {
        display: block;
      }
      .table {
        --pk-table-columns: minmax(10rem, 2fr) minmax(9rem, 1fr) minmax(8rem, 1fr) max-content;
      }
    `,
  ];

  static override properties = { cards: { type: Boolean } };

  /** Stack rows as cards on narrow widths; off, the grid scrolls sideways. */
  declare cards: boolean;

  constructor() {
    super();
    this.cards = false;
  }

  override render() {
    const row = (name: string, amount: string) => html`<div class="tr" role="row">
      <span class="td" role="cell" data-label="Name">${name}</span>
      <span class="td" role="cell" data-label="Mobile">0086-139****1234</span>
      <span class="td num" role="cell" data-label="Amount">${amount}</span>
      <span class="td sticky-end" role="cell"><button class="link small">Resend</button></span>
    </div>`;
    return html`
      <h2 tabindex="-1">Invitations</h2>
      <div class="field"><label for="q">Search</label><input id="q" /><p class="hint">Name or mobile</p></div>
      <label class="choice"><input type="checkbox" />Only failed</label>
      <div class="actions"><button>Cancel</button><button class="primary">Confirm</button><button class="primary" aria-disabled="true">Submit</button></div>
      <p class="error">Enter at most two decimals</p><span class="badge warning">Pending</span><div class="empty">No invitations</div>
      <div class=${this.cards ? 'table-wrap' : 'table-wrap keep-grid'}>
        <div class="table" role="table" aria-label="Invitations">
          <div class="thead" role="rowgroup">
            <div class="tr" role="row">
              <span class="th" role="columnheader">Name</span><span class="th" role="columnheader">Mobile</span>
              <span class="th num" role="columnheader">Amount</span><span class="th sticky-end" role="columnheader">Actions</span>
            </div>
          </div>
          <div class="tbody" role="rowgroup">${row('张三', '¥1,200.00')}${row('李'.repeat(3000), '¥12,345,678,901,234,567,890.00')}</div>
        </div>
      </div>
    `;
  }
}
customElements.define('style-probe', StyleProbe);
