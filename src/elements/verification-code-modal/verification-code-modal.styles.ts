import { css } from 'lit';
// Not through styles/index.js: that would put every sheet it names in the chunk every page loads.
import { dialogBase } from '../../styles/dialog.js';
import { states } from '../../styles/states.js';
import * as token from '../../styles/tokens.js';

/** The dialog's frame: what the closed dialog, its loading and its failure views need. */
export const frameStyles = css`
  dialog {
    --pk-dialog-width: 28rem;
  }
  .dialog-body {
    container: code-dialog / inline-size;
  }
  p {
    margin: 0 0 ${token.space2};
  }
`;

/** The shell's sheets; the code entry adds its own after them (`code-entry.styles.ts`). */
export const shellStyles = [token.base, dialogBase, states, frameStyles];
