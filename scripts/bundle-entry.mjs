import { build } from 'esbuild';
import { relative } from 'node:path';

/**
 * Bundles a page the way a host's bundler would (esbuild, minified, code splitting on) and returns
 * what the page downloads up front: its entry chunk plus every chunk that chunk imports
 * statically, transitively. Chunks reached only through `import()` (the demo backend) are left out.
 * `source` is a file, or `{ contents }` for a page that imports several entries.
 * Returns the files downloaded up front (per file: `code`, the input modules in it with their
 * minified bytes, and the files fetched later that import it too), the files pulled in, and the
 * bytes each input module contributes to those files (minified, before gzip).
 */
export async function bundleEntry(source) {
  const result = await build({
    ...(typeof source === 'string' ? { entryPoints: [source] } : { stdin: { contents: source.contents, resolveDir: process.cwd(), sourcefile: 'page.js' } }),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    // Served as UTF-8, as Vite and every modern bundler emit it; ASCII escapes would double each Chinese character.
    charset: 'utf8',
    // A host's production build, as Vite and webpack set it.
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: 'size-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  // Chunks reached through `import()` are entry points too: the page is the one built from `source`.
  const entryPoint = typeof source === 'string' ? relative(process.cwd(), source) : 'page.js';
  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint === entryPoint);
  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  if (entryName) visit(entryName);
  // What else imports an up-front file statically: the parts fetched later that share its modules,
  // which is why the bundler split it out of the entry chunk.
  const sharedWith = (name) =>
    Object.entries(outputs)
      .filter(([other, output]) => !upFront.has(other) && output.imports.some((imported) => imported.kind === 'import-statement' && imported.path === name))
      .map(([other, output]) => relative('.', output.entryPoint ?? other));
  const files = [...upFront].map((name) => ({
    name,
    code: result.outputFiles.find((out) => relative(process.cwd(), out.path) === name)?.contents ?? new Uint8Array(),
    inputs: Object.entries(outputs[name].inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput })),
    sharedWith: sharedWith(name),
  }));
  const modules = new Map();
  for (const name of upFront) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[name].inputs)) modules.set(input, (modules.get(input) ?? 0) + bytesInOutput);
  }
  return { files, code: files[0]?.code ?? new Uint8Array(), inputs: [...modules.keys()], modules };
}
