import { css } from 'lit';
import * as token from './tokens.js';

/**
 * The pager under a server-paged list, as `renderPager` in `src/elements/pager.ts` draws it:
 * `<nav class="pager"><button>…</button><span>21–40 of 64</span><button>…</button></nav>`. Adopt
 * with `buttons`; the range keeps its width while digits change.
 */
export const pager = css`
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: ${token.space2};
    margin-top: ${token.space3};
    font-size: ${token.fontSizeSmall};
    color: ${token.textMuted};
  }
  .pager > span {
    font-variant-numeric: tabular-nums;
  }
  .pager button {
    min-height: ${token.controlHeightSmall};
    padding: 0 ${token.space2};
    font-size: ${token.fontSizeSmall};
  }
`;
