import { css } from 'lit';
import { badges, base, dialogBase, fields } from '../../styles/index.js';
import * as token from '../../styles/tokens.js';

/** The shared sheets, and what is this form's own: one card per customer, fields side by side where they fit. */
export const reportFormStyles = [
  base,
  dialogBase,
  fields,
  badges,
  css`
    :host {
      display: block;
      min-width: 0;
      container: pk-report / inline-size;
    }
    .rows {
      display: grid;
      gap: ${token.space2};
      margin: 0 0 ${token.space3};
      padding: 0;
      list-style: none;
    }
    .row {
      display: grid;
      grid-template-columns: auto repeat(3, minmax(0, 1fr)) auto;
      align-items: start;
      gap: ${token.space2} ${token.space3};
      padding: ${token.space3};
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      background: ${token.surface};
    }
    .row[data-outcome='reported'] {
      background: ${token.surfaceMuted};
    }
    .row > fieldset {
      display: contents;
    }
    .row .field {
      margin: 0;
    }
    .row-head {
      padding-top: ${token.space5};
    }
    .row-status {
      grid-column: 2 / -1;
      margin: 0;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token.space2};
      margin-bottom: ${token.space2};
    }
    .progress {
      display: grid;
      gap: ${token.space1};
      margin: ${token.space3} 0;
    }
    progress {
      width: 100%;
      accent-color: ${token.primary};
    }
    details {
      margin: ${token.space2} 0;
    }
    summary {
      color: ${token.link};
      cursor: pointer;
    }
    .preview-body {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    @container pk-report (max-width: 640px) {
      .row {
        grid-template-columns: auto minmax(0, 1fr) auto;
      }
      .row .field {
        grid-column: 2 / 3;
      }
      .row-head {
        grid-row: 1 / span 3;
      }
      .row-remove {
        grid-column: 3;
        grid-row: 1;
      }
      .row-status {
        grid-column: 1 / -1;
      }
    }
  `,
];
