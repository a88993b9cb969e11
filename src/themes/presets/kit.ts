import { kitDark } from '../../styles/token-values.js';
import type { ThemePreset } from '../preset.js';

/** The plain kit: light values are the tokens' own fallbacks, type inherits from the page. */
export const kitTheme: ThemePreset = { name: 'kit', light: {}, dark: kitDark };
