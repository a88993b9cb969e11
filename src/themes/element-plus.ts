/**
 * Side-effect entry: `import 'partner-kit/themes/element-plus.js'` puts the Element Plus preset on the whole page;
 * its dark half applies where `data-pk-theme="dark"` or `class="pk-dark"` is set, or `<html class="dark">` as Element Plus itself uses.
 * @module
 */
import { installTheme } from './install.js';
import { elementPlusTheme } from './presets/element-plus.js';

installTheme(elementPlusTheme);
