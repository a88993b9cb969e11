import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const OUT = 'node_modules/.cache/partner-kit-manifest';
const STYLES_FILE = `${OUT}/styles.json`;

/**
 * The `--pk-*` custom properties each element's shadow styles read, from the styles themselves
 * rather than from hand-kept JSDoc: every element entry is bundled (Lit left external) and imported
 * in Node, where Lit's styles are plain CSS text. A property the element's own sheet assigns
 * (`--pk-badge-tone: …`) is internal plumbing, not a token a host sets.
 *
 * An element may adopt sheets later, with a part it fetches on first use (a dialog's contents):
 * every sheet a module of the element's folder exports (`src/elements/<tag>/*.ts`) counts as the
 * element's too, so a host's tools still list the tokens those parts read.
 * @param {string[]} entries source entry files, e.g. `src/withdraw-dialog.ts`
 * @returns {Promise<Map<string, Map<string, string | undefined>>>} class name → property → its default
 */
export async function cssPropertiesByClass(entries) {
  rmSync(OUT, { recursive: true, force: true });
  const parts = entries.flatMap((entry) => {
    const folder = entry.replace(/^src\/(.*)\.ts$/, 'src/elements/$1');
    return existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.ts')).map((file) => ({ entry, file: join(folder, file) })) : [];
  });
  const result = await build({
    entryPoints: [...entries, ...parts.map((part) => part.file)],
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
  const built = new Map(Object.entries(result.metafile.outputs).filter(([, output]) => output.entryPoint).map(([file, output]) => [output.entryPoint, pathToFileURL(file).href]));
  const modules = entries.map((entry) => ({ file: built.get(entry), parts: parts.filter((part) => part.entry === entry).map((part) => built.get(part.file)) }));
  const internal = setFromScript();
  const byClass = new Map();
  for (const [className, css] of Object.entries(JSON.parse(stylesOf(modules)))) {
    byClass.set(className, new Map([...readProperties(css)].filter(([name]) => !internal.has(name))));
  }
  return byClass;
}

/**
 * Imports the bundled entries in a child process and returns `{ [className]: cssText }` as JSON:
 * the class's `styles` and the sheets its parts export. A child, because a module may hold the
 * event loop open (a `MessageChannel` port) and the analyzer would never exit.
 * @param {{ file: string, parts: string[] }[]} modules
 */
function stylesOf(modules) {
  const script = `
    const styles = {};
    const isSheet = (value) => typeof value?.cssText === 'string' || (Array.isArray(value) && value.length > 0 && value.every(isSheet));
    const text = (s) => [s].flat(Infinity).map((sheet) => sheet.cssText ?? '').join('\\n');
    for (const { file, parts } of ${JSON.stringify(modules)}) {
      const classes = Object.values(await import(file)).filter((value) => typeof value === 'function' && value.styles);
      const later = [];
      for (const part of parts) for (const value of Object.values(await import(part))) if (isSheet(value)) later.push(text(value));
      for (const klass of classes) styles[klass.name] = [text(klass.styles), ...later].join('\\n');
    }
    (await import('node:fs')).writeFileSync(${JSON.stringify(STYLES_FILE)}, JSON.stringify(styles));
    process.exit(0);`;
  // A file, not stdout: process.exit() would cut off a large stdout still being piped.
  execFileSync(process.execPath, ['--input-type=module', '-e', script]);
  return readFileSync(STYLES_FILE, 'utf8');
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
