import { css } from 'lit';

/** The dark token set; `<partner-kit-provider theme="dark">` (or `auto` in a dark OS) applies it. */
export const darkTokens = css`
  --pk-color-text: #e8eaed;
  --pk-color-text-muted: #a8adb4;
  --pk-color-surface: #1f2329;
  --pk-color-surface-muted: #2b3038;
  --pk-color-border: #4a5059;
  --pk-color-primary: #7cacf8;
  --pk-color-on-primary: #0b1b33;
  --pk-color-danger: #f28b82;
  --pk-color-success: #81c995;
  --pk-color-warning: #fdd663;
  --pk-focus-ring-color: #7cacf8;
`;
