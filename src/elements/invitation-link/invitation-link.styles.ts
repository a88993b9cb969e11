import { css } from 'lit';
import { base, dialogBase, fields, states } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';

/** The shared sheets, and what is this element's own: the link row and the code, square at any size. */
export const invitationLinkStyles = [
  base,
  dialogBase,
  fields,
  states,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .kinds {
      display: flex;
      flex-wrap: wrap;
      gap: ${token.space3};
    }
    .label-row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${token.space2};
    }
    .label-row .field {
      flex: 1 1 12rem;
      margin: 0;
    }
    .qr {
      margin: ${token.space3} 0;
    }
    .actions {
      justify-content: flex-start;
    }
  `,
];
