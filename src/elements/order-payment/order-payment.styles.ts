import { css } from 'lit';

export const orderPaymentStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --pk-table-columns: 2.5rem minmax(8rem, 1fr) minmax(6rem, 1fr) minmax(8rem, 2fr) minmax(6rem, 1fr) minmax(8rem, 1fr) minmax(8rem, 1fr) minmax(9rem, auto);
  }
  /* The rows are subgrids of the table sheet's grid: without it each row is squeezed into one cell and the header stops lining up. */
  .row {
    display: grid;
    grid-template-columns: subgrid;
    grid-column: 1 / -1;
  }
  .task,
  .job {
    margin-block: var(--pk-space-3, 12px);
    padding: var(--pk-space-3, 12px);
    border: 1px solid var(--pk-color-border, #d9d9d9);
    border-radius: var(--pk-radius, 4px);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--pk-space-2, 8px);
  }
  .estimate {
    color: var(--pk-color-text-secondary, #595959);
  }
`;
