import { declarations } from '../styles/token-values.js';
import type { ThemePreset } from './preset.js';

/** Where a preset's halves apply: the element carrying it, and that element in dark or auto mode. */
export interface ThemeScope {
  readonly light: string;
  readonly dark: string;
  readonly auto: string;
}

/**
 * Inside `<partner-kit-provider>`'s shadow root: `theme="ant-design"`, `theme="ant-design dark"`,
 * `theme="ant-design auto"`; the plain kit answers to `dark` / `auto` alone. A preset's dark rule
 * names two attribute words, so it outranks the kit's own dark rule.
 */
export function providerScope(preset: ThemePreset): ThemeScope {
  const on = preset.name === 'kit' ? '' : `[theme~='${preset.name}']`;
  return { light: `:host(${on})`, dark: `:host(${on}[theme~='dark'])`, auto: `:host(${on}[theme~='auto'])` };
}

/**
 * On any element of the page: `data-pk-theme="ant-design dark"`; the plain kit's dark half also
 * answers to `class="pk-dark"`. For a page section or a Storybook story root.
 */
export function attributeScope(preset: ThemePreset): ThemeScope {
  const on = preset.name === 'kit' ? '' : `[data-pk-theme~='${preset.name}']`;
  const dark = preset.name === 'kit' ? `[data-pk-theme~='dark'], .pk-dark` : `${on}:is([data-pk-theme~='dark'], .pk-dark)`;
  return { light: on || ':root', dark, auto: `${on}[data-pk-theme~='auto']` };
}

/**
 * The whole page, for a side-effect import: light on `:root`, dark wherever `data-pk-theme="dark"`
 * or `class="pk-dark"` is set (on `<html>` or a section), and on the design system's own hook.
 */
export function pageScope(preset: ThemePreset): ThemeScope {
  const hooks = ["[data-pk-theme~='dark']", '.pk-dark', ...(preset.nativeDarkSelector ? [preset.nativeDarkSelector] : [])];
  return { light: ':root', dark: hooks.join(', '), auto: "[data-pk-theme~='auto']" };
}

/**
 * The CSS text of a preset in a scope. Values are the presets' constants, never user input. The
 * dark half also sets `color-scheme`, so native parts (scrollbars, select menus, checkboxes) follow.
 */
export function themeRules(preset: ThemePreset, scope: ThemeScope): string {
  const light = declarations(preset.light);
  const dark = declarations(preset.dark);
  return [
    light ? `${scope.light} { ${light} }` : '',
    `${scope.dark} { ${dark} color-scheme: dark; }`,
    `@media (prefers-color-scheme: dark) { ${scope.auto} { ${dark} color-scheme: dark; } }`,
  ].join('\n');
}
