import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', '**/node_modules/', 'custom-elements.json', 'examples/', 'server/.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', navigator: 'readonly', customElements: 'readonly', HTMLElement: 'readonly',
        crypto: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly',
        clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', URLSearchParams: 'readonly',
        CustomEvent: 'readonly', KeyboardEvent: 'readonly', MutationObserver: 'readonly', getComputedStyle: 'readonly',
        console: 'readonly', structuredClone: 'readonly', Response: 'readonly', localStorage: 'readonly', URL: 'readonly', WeakRef: 'readonly',
      },
    },
    rules: {
      // A verification code or a full mobile number must never reach a log.
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // A promise nobody awaits loses its rejection; one handed where a void callback is expected hides it.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // @open-wc's DOM-diff plugin types every chai `.equal` as a promise (true only for its `dom` chains),
  // so in tests the rule would flag each assertion; the runner awaits every test's own promise.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  // The layers of the README's architecture: each imports only the ones below it.
  {
    files: ['src/model/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\.?/(.*/)?(core|api|controllers|elements|i18n|styles)/', message: 'model/ imports nothing of ours outside model/.' }] }] },
  },
  {
    files: ['src/api/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\.?/(.*/)?(core|controllers|elements|i18n|styles)/', message: 'api/ stands on model/ only; it never imports core/ or the element layer.' }] }] },
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\.?/(.*/)?(api/(http|memory)|controllers|elements|styles)/', message: 'core/ is DOM-free and adapter-agnostic: it imports model/ and the PartnerApi interface only.' }] }] },
  },
  {
    files: ['scripts/**', 'test/support/**', '*.config.*', '.storybook/**', 'bench/**', 'server/**', 'test/contract/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
