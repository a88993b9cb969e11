import { defineConfig } from 'vite';

/** `npm start`: the QA demo page, served from source on the in-memory adapter. */
export default defineConfig({
  root: 'demo',
  server: { port: 5173, strictPort: false },
  preview: { port: 5173 },
});
