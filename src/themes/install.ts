import type { ThemePreset } from './preset.js';
import { pageScope, themeRules, type ThemeScope } from './rules.js';

const installed = new WeakMap<Document | ShadowRoot, Set<string>>();

/**
 * Adopts a preset's tokens into a document (or shadow root) as a constructed stylesheet, so it
 * works under `style-src 'self'` and needs no `<style>` element. Installing the same preset in the
 * same scope twice does nothing. Without a DOM (server rendering, a Node import) it does nothing.
 */
export function installTheme(preset: ThemePreset, scope: (preset: ThemePreset) => ThemeScope = pageScope, root?: Document | ShadowRoot): void {
  const target = root ?? (typeof document === 'undefined' ? undefined : document);
  if (!target) return;
  const key = `${preset.name}\n${scope(preset).light}`;
  const done = installed.get(target) ?? new Set<string>();
  if (done.has(key)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(themeRules(preset, scope(preset)));
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  installed.set(target, done.add(key));
}
