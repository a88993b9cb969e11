import type { ThemePreset } from './preset.js';
import { antDesignTheme } from './presets/ant-design.js';
import { devuiTheme } from './presets/devui.js';
import { elementPlusTheme } from './presets/element-plus.js';
import { kitTheme } from './presets/kit.js';

/** Every preset, the plain kit first so a preset's rules come after (and win over) the kit's. */
export const themePresets: readonly ThemePreset[] = [kitTheme, antDesignTheme, elementPlusTheme, devuiTheme];

/** The names a host may write in `theme="…"` / `data-pk-theme="…"`. */
export type ThemePresetName = 'kit' | 'ant-design' | 'element-plus' | 'devui';
