import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const SERVER = process.env['KIT_SERVER_URL'] ?? 'http://127.0.0.1:8787';

/** The demo on the HTTP adapter: the page calls /partner-api, proxied to the reference server. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: {
    port: 5174,
    strictPort: false,
    fs: { allow: [fileURLToPath(new URL('../../', import.meta.url))] },
    proxy: { '/partner-api': { target: SERVER, rewrite: (path) => path.replace(/^\/partner-api/, '') } },
  },
});
