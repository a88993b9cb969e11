import { defineConfig } from 'vite';

/** Storybook's own Vite config: the package's library build settings do not apply to it. */
export default defineConfig({});
