import { unsafeCSS } from 'lit';
import { themePresets } from './presets.js';
import { providerScope, themeRules } from './rules.js';

/**
 * The styles `<partner-kit-provider>` adopts so its `theme` attribute takes a preset and a mode:
 * `light` (default), `dark`, `auto`, or a preset name before them (`ant-design`, `element-plus`,
 * `devui`, e.g. `theme="devui dark"`). Built from the presets' constants, so `unsafeCSS` is safe.
 */
export const providerThemeStyles = unsafeCSS(themePresets.map((preset) => themeRules(preset, providerScope(preset))).join('\n'));
