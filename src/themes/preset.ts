import type { TokenValues } from '../styles/token-values.js';

/**
 * A theme preset: the kit's tokens mapped from one design system's published defaults, light and
 * dark. Tokens a half leaves out keep the kit's own value. Type sizes and the heights that hold a
 * line of text are the design system's px values as rem at the browser's default 16px, so they are
 * those values there and grow with a user's larger text size.
 */
export interface ThemePreset {
  /** What a host writes in `theme="…"` / `data-pk-theme="…"`, e.g. `ant-design`. */
  readonly name: string;
  readonly light: TokenValues;
  readonly dark: TokenValues;
  /** The design system's own dark-mode hook on the page, honoured too when the preset is installed. */
  readonly nativeDarkSelector?: string;
}

/** The kit's stack for Chinese and Latin text on every desktop OS; never a serif fallback. */
export const kitFontStack =
  "system-ui, -apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, sans-serif";
