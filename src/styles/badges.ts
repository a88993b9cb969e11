import { css } from 'lit';
import * as token from './tokens.js';

/**
 * Status badges: `<span class="badge success">Usable</span>`; tones `success`, `warning`, `danger`,
 * `info`, and none for neutral. The text keeps the tone's colour on a light tint of it, so the
 * status reads without relying on colour alone and stays above 4.5:1 in both themes.
 */
export const badges = css`
  .badge {
    --pk-badge-tone: ${token.textMuted};
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: ${token.space1};
    max-width: 100%;
    min-height: 22px;
    padding: 0 ${token.space2};
    border: 1px solid color-mix(in srgb, var(--pk-badge-tone) 40%, transparent);
    border-radius: 999px;
    background: color-mix(in srgb, var(--pk-badge-tone) 10%, ${token.surface});
    color: var(--pk-badge-tone);
    font-size: ${token.fontSizeSmall};
    line-height: 1.3;
    white-space: nowrap;
  }
  .badge::before {
    content: '';
    flex: none;
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.success {
    --pk-badge-tone: ${token.success};
  }
  .badge.warning {
    --pk-badge-tone: ${token.warning};
  }
  .badge.danger {
    --pk-badge-tone: ${token.danger};
  }
  .badge.info {
    --pk-badge-tone: ${token.link};
  }
`;
