import { unsafeCSS } from 'lit';
import type { ThemePreset } from './preset.js';
import { kitTheme } from './presets/kit.js';
import { providerScope, themeRules } from './rules.js';

/**
 * The styles `<partner-kit-provider>` adopts for its `theme` attribute's mode: `light` (default),
 * `dark`, `auto`. Built from the kit preset's constants, so `unsafeCSS` is safe.
 */
export const providerThemeStyles = unsafeCSS(themeRules(kitTheme, providerScope(kitTheme)));

/** The presets a `theme` attribute may name, fetched on first use: a page that names none downloads none. */
const PRESETS: Readonly<Record<string, () => Promise<ThemePreset>>> = {
  'ant-design': () => import('./presets/ant-design.js').then((m) => m.antDesignTheme),
  'element-plus': () => import('./presets/element-plus.js').then((m) => m.elementPlusTheme),
  devui: () => import('./presets/devui.js').then((m) => m.devuiTheme),
};

const adopted = new WeakMap<ShadowRoot, Set<string>>();

/**
 * Adopts the preset `theme` names (`theme="devui dark"`) into a provider's shadow root, as a
 * constructed sheet (strict-CSP safe), once per root. Words that are not presets are modes.
 */
export async function adoptPreset(root: ShadowRoot, theme: string | undefined): Promise<void> {
  const done = adopted.get(root) ?? new Set<string>();
  adopted.set(root, done);
  for (const name of (theme ?? '').split(/\s+/)) {
    const load = PRESETS[name];
    if (!load || done.has(name)) continue;
    done.add(name);
    const preset = await load();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(themeRules(preset, providerScope(preset)));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
