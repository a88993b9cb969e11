/**
 * Side-effect entry: `import 'partner-kit/themes/kit.js'` lets the page switch the plain kit to dark
 * with `data-pk-theme="dark"` or `class="pk-dark"` on `<html>` or a section (`auto` follows the OS).
 * @module
 */
import { installTheme } from './install.js';
import { kitTheme } from './presets/kit.js';

installTheme(kitTheme);
