import { css } from 'lit';
import * as token from '../../styles/tokens.js';

export const topUpFormStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  form,
  .payment,
  .result {
    display: grid;
    justify-items: start;
    gap: ${token.space2};
    max-width: 32rem;
  }
  .field {
    justify-self: stretch;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.space2};
  }
`;
