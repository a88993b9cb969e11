import { build } from 'esbuild';

/**
 * Bundles one built entry the way a host's bundler would when the page imports that entry alone:
 * every static dependency (Lit, zod/mini) included and minified; chunks loaded only on demand
 * (dynamic import) left out. Returns the entry's code and the files it pulled in.
 */
export async function bundleEntry(file) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    // Served as UTF-8, as Vite and every modern bundler emit it; ASCII escapes would double each Chinese character.
    charset: 'utf8',
    outdir: 'size-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [entryName, entry] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint) ?? [];
  const code = result.outputFiles.find((out) => out.path.endsWith(entryName))?.contents ?? new Uint8Array();
  return { code, inputs: Object.keys(entry?.inputs ?? {}) };
}
