// Checks what `npm run build` produced, the way hosts will use it:
// - every entry imports in plain Node (no DOM: a server-side render or a build script);
// - an element entry loaded twice (two bundles of a host) does not throw;
// - importing one element pulls in no other element, but for the ones it is documented to compose;
// - the HTTP adapter's up-front code (what a page downloads before the first call) holds no zod and
//   no schema: each domain brings its own with `import()`;
// - the generated JSX and Vue types compile in a strict host that checks libraries too (with
//   `skipLibCheck`, a name they import but nothing exports silently becomes `any`).
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { pathToFileURL } from 'node:url';
import { TextDecoder } from 'node:util';
import { bundleEntry } from './bundle-entry.mjs';

// An element is a folder of src/elements with an entry of its own (shared folders have none).
const ELEMENTS = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/${d.name}.ts`))
  .map((d) => d.name);
const ENTRIES = readdirSync('dist').filter((name) => name.endsWith('.js'));
/** Elements built from others: money flows ask for codes with the verification dialog; the invite table draws masked fields. */
const COMPOSES = {
  'withdraw-dialog': ['verification-code-modal'],
  'voucher-issue-form': ['verification-code-modal'],
  'issued-voucher-list': ['verification-code-modal'],
  'invite-table': ['masked-field'],
  'order-payment': ['masked-field', 'verification-code-modal'],
  'customer-list': ['masked-field', 'verification-code-modal'],
  'unbind-requests': ['masked-field', 'verification-code-modal'],
  'top-up-form': ['masked-field', 'verification-code-modal'],
};
let failed = false;
const fail = (message) => {
  failed = true;
  console.error(`✗ ${message}`);
};

for (const entry of ENTRIES) {
  const url = pathToFileURL(`dist/${entry}`).href;
  try {
    await import(url);
    await import(`${url}?second-copy`);
    console.log(`✓ ${entry} imports in Node without a DOM, twice`);
  } catch (error) {
    fail(`${entry} throws on import in Node: ${error.message}`);
  }
}

for (const element of ELEMENTS) {
  const { inputs } = await bundleEntry(`dist/${element}.js`);
  const allowed = COMPOSES[element] ?? [];
  const others = ELEMENTS.filter((other) => other !== element && !allowed.includes(other) && inputs.some((input) => input.includes(`/${other}-`) || input.endsWith(`/${other}.js`)));
  if (others.length > 0) fail(`${element}.js pulls in ${others.join(', ')}`);
  else console.log(`✓ ${element}.js pulls in no other element${allowed.length ? ` than ${allowed.join(', ')}` : ''}`);
}

// A host writes `import 'partner-kit/masked-field.js'` for its side effect alone; the package's
// `sideEffects` list must keep a bundler from dropping the registration.
for (const element of ELEMENTS) {
  const result = await build({
    stdin: { contents: `import './dist/${element}.js';`, resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  if (code.includes(`"${element}"`) && code.includes('customElements.define')) console.log(`✓ a bare import of ${element}.js still registers <${element}> after bundling`);
  else fail(`a bundler drops the registration of <${element}> from a bare import`);
}

/**
 * The inputs of what a page importing `entry` downloads up front: its own chunk and every chunk
 * that chunk imports statically, as a host's bundler (esbuild, code splitting) writes them.
 */
async function upFrontInputs(entry) {
  const { metafile } = await build({ entryPoints: [entry], bundle: true, splitting: true, format: 'esm', outdir: 'check-out', write: false, metafile: true, logLevel: 'silent' });
  const outputs = metafile.outputs;
  const chunks = new Set();
  const visit = (name) => {
    if (chunks.has(name)) return;
    chunks.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(Object.keys(outputs).find((name) => outputs[name].entryPoint === entry));
  return [...chunks].flatMap((name) => Object.keys(outputs[name].inputs));
}

for (const entry of ['dist/api-http.js', 'src/api/http/index.ts']) {
  // Every schema module imports zod, so zod up front is the sign whichever schema came with it.
  const schemas = (await upFrontInputs(entry)).filter((input) => input.includes('node_modules/zod/') || input.includes('model/schemas/') || input.includes('api/http/wire'));
  if (schemas.length > 0) fail(`${entry} loads ${[...new Set(schemas.map((input) => (input.includes('node_modules/zod/') ? 'zod' : input)))].join(', ')} up front: the HTTP adapter's core must not import zod or a schema module`);
  else console.log(`✓ ${entry} loads no zod and no schema up front`);
}

/** Each run of Chinese in what a page importing `entries` (built, or their sources) downloads up front. */
async function chineseUpFront(entries, built) {
  const path = (entry) => (built ? `./dist/${entry}.js` : `./src/${{ 'api-http': 'api/http/index' }[entry] ?? entry}.ts`);
  const { files } = await bundleEntry({ contents: entries.map((entry) => `export * from '${path(entry)}';`).join('\n') });
  return new Set(files.flatMap((file) => new TextDecoder().decode(file.code).match(/\p{Script=Han}+/gu) ?? []));
}

// The zh-CN words are fetched on first use (test/size/no-zh-cn-up-front checks the sources): the
// build must not put them back up front. Chinese the sources have up front anyway (元 among the
// names of the yuan) is not a catalogue's.
if (!(await chineseUpFront(['locales/zh-CN'], true)).has('提现')) fail('the check sees no Chinese in dist/locales/zh-CN.js');
for (const entries of [...ELEMENTS.map((element) => [element]), ['partner-kit-provider', 'api-http'], ['index']]) {
  const source = await chineseUpFront(entries, false);
  const extra = [...(await chineseUpFront(entries, true))].filter((run) => !source.has(run));
  if (extra.length > 0) fail(`${entries.join(' + ')} downloads zh-CN words up front: ${extra.slice(0, 5).join(' ')}`);
  else console.log(`✓ ${entries.join(' + ')} downloads no zh-CN words up front`);
}

// Each on its own, as a host uses one or the other (both declare the global JSX namespace). Vue's
// own types are not installed here: a stub of the one type the file names stands in.
const vueStub = join(mkdtempSync(join(tmpdir(), 'partner-kit-types-')), 'vue.d.ts');
writeFileSync(vueStub, "declare module 'vue' { export type DefineComponent<P = object> = new () => { $props: P }; }\n");
for (const files of [['dist/jsx.d.ts'], [vueStub, 'dist/vue.d.ts']]) {
  const program = ts.createProgram(files, { strict: true, skipLibCheck: false, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], types: [] });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  const file = files.at(-1);
  if (errors.length > 0) fail(`${file} does not compile in a strict host (skipLibCheck off): ${errors.slice(0, 5).join('; ')}`);
  else console.log(`✓ ${file} compiles in a strict host with skipLibCheck off`);
}

process.exit(failed ? 1 : 0);
