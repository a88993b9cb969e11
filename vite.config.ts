import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/** Every public entry of the package; each element is its own entry so importing one never pulls in another. */
export const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  api: 'src/api/index.ts',
  'api-memory': 'src/api/memory/index.ts',
  'api-http': 'src/api/http/index.ts',
  testing: 'src/testing/index.ts',
  'masked-field': 'src/masked-field.ts',
  'customer-create-form': 'src/customer-create-form.ts',
  'customer-list': 'src/customer-list.ts',
  'unbind-requests': 'src/unbind-requests.ts',
  'verification-code-modal': 'src/verification-code-modal.ts',
  'withdraw-dialog': 'src/withdraw-dialog.ts',
  'voucher-issue-form': 'src/voucher-issue-form.ts',
  'issued-voucher-list': 'src/issued-voucher-list.ts',
  'voucher-records': 'src/voucher-records.ts',
  'invite-table': 'src/invite-table.ts',
  'customer-report-form': 'src/customer-report-form.ts',
  'invitation-link': 'src/invitation-link.ts',
  'order-payment': 'src/order-payment.ts',
  'top-up-form': 'src/top-up-form.ts',
  'partner-kit-provider': 'src/partner-kit-provider.ts',
  themes: 'src/themes/index.ts',
  'themes/kit': 'src/themes/kit.ts',
  'themes/ant-design': 'src/themes/ant-design.ts',
  'themes/element-plus': 'src/themes/element-plus.ts',
  'themes/devui': 'src/themes/devui.ts',
  react: 'src/react/index.ts',
  'locales/zh-CN': 'src/locales/zh-CN.ts',
};

export default defineConfig({
  // The one exception to shipping readable code: template text, which no host bundler minifies.
  plugins: [minifyTemplates()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // A library ships readable code; the host's bundler minifies. `npm run size` measures minified.
    minify: false,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      // A host bundles one copy of each runtime dependency, shared with its own code.
      external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^react($|\/)/, /^uqr($|\/)/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
