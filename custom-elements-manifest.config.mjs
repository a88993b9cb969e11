import { readdirSync, readFileSync } from 'node:fs';
import { cemValidatorPlugin } from '@wc-toolkit/cem-validator';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { cssPropertiesByClass, tokenGroups } from './scripts/manifest/css-properties.mjs';
import { fixVueEventTypes } from './scripts/manifest/fix-vue-events.mjs';
import { partnerKitPlugin } from './scripts/manifest/partner-kit-plugin.mjs';

/** The entry files that register an element (`src/withdraw-dialog.ts`, …): a new element is found, not listed. */
const elementEntries = readdirSync('src')
  .filter((file) => file.endsWith('.ts') && readFileSync(`src/${file}`, 'utf8').includes('defineElement('))
  .map((file) => `src/${file}`);

/** Generated files a host's tools read; all land in `dist/` and ship with the package. */
const outdir = 'dist';
/** The one module that exports every type the elements' API names, relative to `dist/`. */
const globalTypePath = './types/element-types.js';

/**
 * The custom-elements manifest and everything generated from it: JSX types (React 19, Preact,
 * Solid), Vue `GlobalComponents` types, VS Code custom data and JetBrains web-types. The
 * partner-kit plugin runs first: the others read the manifest it leaves, and the validator
 * fails the build on anything a host's tools would trip over.
 */
export default {
  // KitElement is the base every element extends: the analyzer follows it to LitElement.
  globs: ['src/elements/*/*.ts', 'src/elements/kit-element.ts', ...elementEntries],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    partnerKitPlugin({ cssProperties: await cssPropertiesByClass(elementEntries), tokenGroups: tokenGroups() }),
    jsxTypesPlugin({ outdir, fileName: 'jsx.d.ts', globalTypePath, stronglyTypedEvents: true }),
    customElementVuejsPlugin({ outdir, fileName: 'vue.d.ts', globalTypePath, hideLogs: true }),
    fixVueEventTypes(`${outdir}/vue.d.ts`),
    customElementVsCodePlugin({ outdir, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json' }),
    customElementJetBrainsPlugin({ outdir, fileName: 'web-types.json', packageJson: false }),
    cemValidatorPlugin({
      rules: {
        packageJson: { packageType: 'error', main: 'error', module: 'error', types: 'error', exports: 'error', customElementsProperty: 'error', publishedCem: 'error' },
        // The analyzer writes schema 1.0.0 (one warning line until it writes 2.x); every other rule fails the build.
        manifest: { schemaVersion: 'warning', modulePath: 'error', definitionPath: 'error', typeDefinitionPath: 'error', exportTypes: 'error', tagName: 'error' },
      },
    }),
  ],
};
