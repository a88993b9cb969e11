import { css } from 'lit';
import * as token from './tokens.js';

/**
 * What a list or panel shows instead of data.
 * - Empty: `<div class="empty">No vouchers yet</div>`.
 * - Loading: `<div class="skeleton" aria-busy="true" aria-label="Loading"><div class="skeleton-row"></div>…</div>`,
 *   rows as tall as `--pk-table-row-height`; inside a `.table` they span every column. The shimmer
 *   stops for users who ask for reduced motion.
 * - Error: `<div class="error-state" role="alert"><p>…</p><button>Retry</button></div>`.
 */
export const states = css`
  .empty,
  .error-state {
    grid-column: 1 / -1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: ${token.space2};
    min-height: calc(2 * ${token.rowHeight});
    padding: ${token.space5} ${token.space4};
    text-align: center;
    overflow-wrap: anywhere;
  }
  .empty {
    color: ${token.textMuted};
  }
  .error-state {
    border: 1px solid color-mix(in srgb, ${token.danger} 45%, transparent);
    border-radius: ${token.radius};
    background: color-mix(in srgb, ${token.danger} 6%, ${token.surface});
    color: ${token.text};
  }
  .error-state p {
    margin: 0;
  }
  .skeleton {
    grid-column: 1 / -1;
    display: grid;
  }
  .skeleton-row {
    box-sizing: border-box;
    height: ${token.rowHeight};
    border-bottom: 1px solid ${token.border};
    background:
      linear-gradient(90deg, transparent, color-mix(in srgb, ${token.surface} 70%, transparent), transparent) 0 0 / 40% 100% no-repeat,
      linear-gradient(${token.surfaceMuted}, ${token.surfaceMuted}) ${token.space3} 50% / calc(100% - 2 * ${token.space3}) 40% no-repeat;
    animation: pk-shimmer 1.4s linear infinite;
  }
  .skeleton-row:nth-child(even) {
    background-size: 40% 100%, calc(70% - 2 * ${token.space3}) 40%;
  }
  @keyframes pk-shimmer {
    from {
      background-position: -40% 0, ${token.space3} 50%;
    }
    to {
      background-position: 140% 0, ${token.space3} 50%;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-row {
      animation: none;
    }
  }
`;
