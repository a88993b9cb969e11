import { build } from 'esbuild';

/**
 * `dist/bundle.js`: the kit for pages without a build step. Unlike the library build it carries
 * Lit and zod itself and is minified; each element is its own chunk (`dist/bundle/`), imported by
 * the autoloader when the element's tag first appears.
 */
const result = await build({
  entryPoints: { bundle: 'src/bundle.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  charset: 'utf8',
  outdir: 'dist',
  chunkNames: 'bundle/[name]-[hash]',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
console.log(`bundle: dist/bundle.js and ${files.length - 1} chunks in dist/bundle/`);
