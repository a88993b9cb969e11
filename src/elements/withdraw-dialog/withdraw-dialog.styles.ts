import { css } from 'lit';
// Each sheet from its own module, not styles/index.js: through it a bundler puts every sheet it names in this chunk.
import { dialogBase } from '../../styles/dialog.js';
import { states } from '../../styles/states.js';
import * as token from '../../styles/tokens.js';

/**
 * What the dialog paints before its contents come: the frame, the header, and the loading and
 * failed states. The steps bring their own sheet (`withdrawContentsStyles`).
 */
export const withdrawStyles = [
  token.base,
  dialogBase,
  states,
  css`
    dialog {
      --pk-dialog-width: 46rem;
    }
    .dialog-body {
      container: withdraw / inline-size;
    }
    .error-state [part~='error'] {
      font-size: ${token.fontSizeSmall};
      color: ${token.danger};
    }
  `,
];
