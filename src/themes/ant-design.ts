/**
 * Side-effect entry: `import 'partner-kit/themes/ant-design.js'` puts the Ant Design 5 preset on the whole page;
 * its dark half applies where `data-pk-theme="dark"` or `class="pk-dark"` is set.
 * @module
 */
import { installTheme } from './install.js';
import { antDesignTheme } from './presets/ant-design.js';

installTheme(antDesignTheme);
