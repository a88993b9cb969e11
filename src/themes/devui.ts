/**
 * Side-effect entry: `import 'partner-kit/themes/devui.js'` puts the Huawei Cloud DevUI preset on the whole page;
 * its dark half applies where `data-pk-theme="dark"` or `class="pk-dark"` is set.
 * @module
 */
import { installTheme } from './install.js';
import { devuiTheme } from './presets/devui.js';

installTheme(devuiTheme);
