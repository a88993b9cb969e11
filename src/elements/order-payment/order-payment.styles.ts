import { css } from 'lit';
import * as token from '../../styles/tokens.js';

/** What is this element's own beside the shared sheets: its columns, the sticky order id, the task and job panels. */
export const orderPaymentStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  /*
   * The amount and both times are never narrower than they are (a cell cut at "¥1,280.0" or "12:37 AN"
   * misreads); customer and product wrap. Their minimums are small enough that, at 40rem (1,280px with
   * the user's text at 200%), everything up to the amount stays clear of the sticky actions.
   */
  .table {
    --pk-table-columns: 2.75rem minmax(max-content, 0.8fr) minmax(8rem, 1.2fr) minmax(8rem, 1.8fr) minmax(min-content, 1fr) minmax(min-content, 1fr) minmax(min-content, 1fr) max-content;
  }
  /* An order id or a time broken over two lines reads as two values. */
  .order,
  .when {
    white-space: nowrap;
  }
  .tr > .select {
    justify-content: center;
    padding-inline: ${token.space2};
  }
  @container pk-table (min-width: 480px) {
    /* The order id stays beside the checkbox when the columns scroll sideways: a row is named by it. */
    .tr > .order {
      position: sticky;
      inset-inline-start: 2.75rem;
      z-index: 1;
    }
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.space2};
  }
  .task,
  .job {
    margin-block: ${token.space3};
    padding: ${token.space3};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.space2};
  }
  .estimate .note {
    display: block;
    font-size: ${token.fontSizeSmall};
    color: ${token.textMuted};
  }
  .job ul {
    margin: 0 0 ${token.space2};
    padding-inline-start: 1.2em;
    overflow-wrap: anywhere;
  }
`;
