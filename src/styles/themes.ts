import { unsafeCSS } from 'lit';
import { declarations, kitDark } from './token-values.js';

/**
 * The kit's own dark token set as a declaration list; `<partner-kit-provider theme="dark">` (or
 * `auto` in a dark OS) applies it, as does `data-pk-theme="dark"` / `class="pk-dark"` once a theme
 * from `src/themes/` is installed on the page. Built from constants, so `unsafeCSS` is safe here.
 */
export const darkTokens = unsafeCSS(`${declarations(kitDark)} color-scheme: dark;`);
