import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** The kit's tags are custom elements, not Vue components: Vue leaves them to the browser. */
const kitTags = new Set(['partner-kit-provider', 'withdraw-dialog', 'verification-code-modal']);

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => kitTags.has(tag) } } })],
});
