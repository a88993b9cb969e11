import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const OUT = 'node_modules/.cache/partner-kit-manifest';

/**
 * The `--pk-*` custom properties each element's shadow styles read, from the styles themselves
 * rather than from hand-kept JSDoc: every element entry is bundled (Lit left external) and imported
 * in Node, where Lit's styles are plain CSS text. A property the element's own sheet assigns
 * (`--pk-badge-tone: …`) is internal plumbing, not a token a host sets.
 * @param {string[]} entries source entry files, e.g. `src/withdraw-dialog.ts`
 * @returns {Promise<Map<string, Map<string, string | undefined>>>} class name → property → its default
 */
export async function cssPropertiesByClass(entries) {
  rmSync(OUT, { recursive: true, force: true });
  const result = await build({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    outdir: OUT,
    external: ['lit', 'lit/*', '@lit/*', 'zod', 'zod/*'],
    metafile: true,
    logLevel: 'silent',
  });
  const files = Object.entries(result.metafile.outputs).filter(([, output]) => output.entryPoint).map(([file]) => pathToFileURL(file).href);
  const internal = setFromScript();
  const byClass = new Map();
  for (const [className, css] of Object.entries(JSON.parse(stylesOf(files)))) {
    byClass.set(className, new Map([...readProperties(css)].filter(([name]) => !internal.has(name))));
  }
  return byClass;
}

/**
 * Imports the bundled entries in a child process and returns `{ [className]: cssText }` as JSON. A
 * child, because a module may hold the event loop open (a `MessageChannel` port) and the analyzer
 * would never exit.
 */
function stylesOf(files) {
  const script = `
    const styles = {};
    const text = (s) => [s].flat(Infinity).map((sheet) => sheet.cssText ?? '').join('\\n');
    for (const file of ${JSON.stringify(files)}) {
      for (const value of Object.values(await import(file))) {
        if (typeof value === 'function' && value.styles) styles[value.name] = text(value.styles);
      }
    }
    process.stdout.write(JSON.stringify(styles));
    process.exit(0);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Properties the kit's own code sets on its nodes at run time (`style.setProperty('--pk-virtual-before', …)`):
 * plumbing between a controller and a sheet, not tokens.
 */
function setFromScript() {
  const names = new Set();
  for (const file of readdirSync('src', { recursive: true })) {
    if (!String(file).endsWith('.ts')) continue;
    const text = readFileSync(join('src', String(file)), 'utf8');
    for (const [, name] of text.matchAll(/(?:set|remove)Property\(\s*['"`](--pk-[\w-]+)/g)) names.add(name);
  }
  return names;
}

/** @returns {Map<string, string | undefined>} */
function readProperties(css) {
  const assigned = new Set([...css.matchAll(/(--pk-[\w-]+)\s*:/g)].map((match) => match[1]));
  const read = new Map();
  for (const match of css.matchAll(/var\(\s*(--pk-[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g)) {
    const [, name, fallback] = match;
    if (assigned.has(name)) continue;
    if (!read.has(name) || read.get(name) === undefined) read.set(name, fallback?.trim() || undefined);
  }
  return read;
}

/**
 * One line for each design token, from the group comments of `src/styles/tokens.ts`
 * (`/* Colours. *\/` above the colour tokens).
 * @returns {Map<string, string>}
 */
export function tokenGroups(file = 'src/styles/tokens.ts') {
  const groups = new Map();
  let group = 'Design token.';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const heading = /^\/\* ([^*]+?)\s*\*\/$/.exec(line.trim());
    if (heading) group = heading[1].split('. ')[0].replace(/\.$/, '');
    for (const [, name] of line.matchAll(/var\((--pk-[\w-]+)/g)) if (!groups.has(name)) groups.set(name, group);
  }
  return groups;
}
