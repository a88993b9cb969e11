/**
 * Theme presets: the kit's `--pk-*` tokens mapped from Ant Design 5, Element Plus and Huawei Cloud
 * DevUI, each with a dark half. Turn one on with one import (`import 'partner-kit/themes/ant-design.js'`,
 * the whole page) or one attribute (`<partner-kit-provider theme="ant-design dark">`, or
 * `data-pk-theme="ant-design dark"` on a section after `installTheme(preset, attributeScope)`).
 */
export { antDesignTheme } from './presets/ant-design.js';
export { devuiTheme } from './presets/devui.js';
export { elementPlusTheme } from './presets/element-plus.js';
export { kitTheme } from './presets/kit.js';
export { kitFontStack, type ThemePreset } from './preset.js';
export { themePresets, type ThemePresetName } from './presets.js';
export { installTheme } from './install.js';
export { attributeScope, pageScope, providerScope, themeRules, type ThemeScope } from './rules.js';
export { providerThemeStyles } from './provider.js';
