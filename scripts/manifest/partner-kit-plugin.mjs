import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Turns what the analyzer reads from `src/` into the manifest a host's tools need, and refuses to
 * write one that would mislead them:
 * - each element gets the tag its entry registers (`defineElement('withdraw-dialog', WithdrawDialog)`
 *   in `src/withdraw-dialog.ts`), and its module is the built file a host imports (`dist/withdraw-dialog.js`);
 * - only public API is kept: reactive internal state (`state: true`), `#private` and static members go;
 * - every `--pk-*` property the element's styles read is listed (the JSDoc line describes it where there is one);
 * - `@dependency` tags become `dependencies`, and must match what the element really renders;
 * - every event the element emits and every `part` in its templates must be documented with a type.
 * @param {{ cssProperties: Map<string, Map<string, string | undefined>>, tokenGroups: Map<string, string> }} options
 */
export function partnerKitPlugin({ cssProperties, tokenGroups }) {
  /** @type {Map<string, { className: string, entry: string }>} */
  const definitions = new Map();
  /** @type {Map<string, string[]>} */
  const declaredDependencies = new Map();
  return {
    name: 'partner-kit',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isCallExpression(node) && node.expression.getText() === 'defineElement') {
        const [tag, klass] = node.arguments;
        if (tag && klass && ts.isStringLiteral(tag)) definitions.set(tag.text, { className: klass.getText(), entry: moduleDoc.path });
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const tags = ts.getJSDocTags(node).filter((tag) => tag.tagName.text === 'dependency');
        if (tags.length) declaredDependencies.set(node.name.text, tags.map((tag) => String(tag.comment ?? '').trim().split(/\s/)[0]));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const { modules } = customElementsManifest;
      const problems = [];
      const published = [];
      const bases = markSubclasses(modules);
      for (const [tag, { className, entry }] of [...definitions].sort(([a], [b]) => a.localeCompare(b))) {
        const source = modules.find((module) => module.declarations?.some((d) => d.customElement && d.name === className));
        if (!source) {
          problems.push(`${entry} registers <${tag}> with ${className}, which the analyzer did not find`);
          continue;
        }
        const element = source.declarations.find((d) => d.name === className);
        const path = entry.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
        const folder = readFolder(dirname(source.path));
        publicOnly(element);
        element.tagName = tag;
        element.cssProperties = tokensRead(element, cssProperties.get(className), tokenGroups, problems);
        checkEvents(element, folder, tag, problems);
        checkParts(element, folder, problems);
        checkHostTypes(element, folder, tag, problems);
        const dependencies = declaredDependencies.get(className) ?? [];
        const composed = composes(folder);
        if ([...dependencies].sort().join() !== composed.join()) {
          problems.push(`${tag}: @dependency says [${dependencies.join(', ')}], it renders [${composed.join(', ')}]`);
        }
        if (dependencies.length) element.dependencies = dependencies;
        const entryModule = modules.find((module) => module.path === entry);
        const typeExports = (entryModule?.exports ?? []).filter((e) => e.kind === 'js' && e.name !== className);
        published.push({
          kind: 'javascript-module',
          path,
          declarations: [element],
          exports: [
            { kind: 'js', name: className, declaration: { name: className, module: path } },
            ...typeExports.map((e) => ({ kind: 'js', name: e.name, declaration: { name: e.name, module: path } })),
            { kind: 'custom-element-definition', name: tag, declaration: { name: className, module: path } },
          ],
        });
      }
      for (const module of modules) {
        for (const d of module.declarations ?? []) {
          if (d.customElement && !bases.has(d) && !published.some((p) => p.declarations[0] === d)) problems.push(`${d.name} (${module.path}) is an element no entry registers`);
        }
      }
      problems.push(...uncovered([...definitions.keys()]));
      if (problems.length) throw new Error(`The manifest would mislead a host:\n  - ${problems.join('\n  - ')}`);
      modules.splice(0, modules.length, ...published);
    },
  };
}

/**
 * The analyzer marks a class an element only when it extends `LitElement` itself; the kit's
 * elements extend `KitElement`, so a class whose superclass is an element is marked here. Returns
 * the base classes extended so, which are no element a host registers.
 */
function markSubclasses(modules) {
  const declarations = modules.flatMap((module) => module.declarations ?? []);
  const bases = new Set();
  for (let marked = true; marked; ) {
    marked = false;
    for (const d of declarations) {
      const base = d.kind === 'class' && !d.customElement && declarations.find((b) => b.customElement && b.name === d.superclass?.name);
      if (!base) continue;
      d.customElement = true;
      bases.add(base);
      marked = true;
    }
  }
  return bases;
}

/**
 * Every registered tag must be reachable the other ways a host loads the kit: the autoloader of
 * `bundle.js` and the React wrappers.
 */
function uncovered(tags) {
  const problems = [];
  const autoloader = readFileSync('src/autoloader.ts', 'utf8');
  const react = readFileSync('src/react/index.ts', 'utf8');
  for (const tag of tags) {
    if (!autoloader.includes(`'${tag}': () => import('./${tag}.js')`)) problems.push(`src/autoloader.ts does not load <${tag}>`);
    if (!react.includes(`tagName: '${tag}'`)) problems.push(`src/react/index.ts has no wrapper for <${tag}>`);
  }
  return problems;
}

/**
 * The events a host's code sees typed are the ones the element fires, no more, no fewer: each
 * documented event is in `GlobalEventHandlersEventMap` (the element's folder, or events.ts for
 * `<tag>-load-failed`), and the React wrapper offers a handler for exactly those.
 */
function checkHostTypes(element, folder, tag, problems) {
  const documented = (element.events ?? []).map((e) => e.name);
  const typed = `${folder}\n${readFileSync('src/elements/events.ts', 'utf8')}`;
  for (const name of documented) {
    if (!typed.includes(`'${name}': CustomEvent<`)) problems.push(`${tag}: event ${name} is not in GlobalEventHandlersEventMap`);
  }
  const wrapper = readFileSync('src/react/index.ts', 'utf8').split('createComponent(').find((block) => block.includes(`tagName: '${tag}'`));
  if (!wrapper) return;
  const wrapped = [...wrapper.matchAll(/\bon\('([\w-]+)'\)/g)].map((m) => m[1]);
  for (const name of documented) if (!wrapped.includes(name)) problems.push(`${tag}: the React wrapper has no handler for ${name}`);
  for (const name of wrapped) if (!documented.includes(name)) problems.push(`${tag}: the React wrapper offers ${name}, which the element does not fire`);
}

/** Drops what a host cannot use: `#private`, protected, static members, and attributes of internal state. */
function publicOnly(element) {
  const hidden = new Set((element.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#')).map((m) => m.name));
  element.members = (element.members ?? []).filter((m) => !hidden.has(m.name) && !m.static);
  element.attributes = (element.attributes ?? []).filter((a) => !a.fieldName || !hidden.has(a.fieldName));
  delete element.superclass?.module;
}

function tokensRead(element, read = new Map(), tokenGroups, problems) {
  const documented = new Map((element.cssProperties ?? []).map((p) => [p.name, p]));
  for (const name of documented.keys()) {
    if (!read.has(name)) problems.push(`${element.name}: @cssproperty ${name} is documented but its styles never read it`);
  }
  return [...read].sort(([a], [b]) => a.localeCompare(b)).map(([name, fallback]) => {
    const description = documented.get(name)?.description ?? `${tokenGroups.get(name) ?? 'Design token'} token.`;
    return { name, description, ...(fallback ? { default: fallback } : {}) };
  });
}

function checkEvents(element, folder, tag, problems) {
  const documented = new Map((element.events ?? []).map((e) => [e.name, e]));
  const emitted = new Set([...folder.matchAll(/\bemit(?:<[^(]*?>)?\(\s*(?:this\s*,\s*)?'([\w-]+)'/g)].map((m) => m[1]));
  // Fired directly, through a store watched for a failed load, or by a server list that is the element's main content.
  if (/\bemitLoadFailed\(\s*this\b|\bwatchLoadFailed\(|\bmain: '(?:load-when-connected|report-only)'/.test(folder)) emitted.add(`${tag}-load-failed`);
  // A dialog asks its host before it closes: ModalController fires `<tag>-request-close`.
  if (/\bnew (?:ModalController|DecisionDialogController)\b/.test(folder)) emitted.add(`${tag}-request-close`);
  for (const name of emitted) if (!documented.has(name)) problems.push(`${tag} emits ${name} without an @event tag`);
  for (const event of documented.values()) {
    if (!/^CustomEvent<.+>$/.test(event.type?.text ?? '')) problems.push(`${tag}: @event ${event.name} needs a {CustomEvent<Detail>} type`);
  }
}

function checkParts(element, folder, problems) {
  const documented = new Set((element.cssParts ?? []).map((p) => p.name));
  const used = new Set([...folder.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1].trim().split(/\s+/)));
  // The kit controller draws the demo marker for the element.
  if (/\brenderDemoMarker\(\)/.test(folder)) used.add('demo-marker');
  for (const part of used) if (!documented.has(part)) problems.push(`${element.tagName}: part "${part}" has no @csspart tag`);
}

/** The kit elements an element renders: the code dialog behind a VerifierController, and any element entry it imports. */
function composes(folder) {
  const tags = new Set([...folder.matchAll(/import '\.\.\/\.\.\/([\w-]+)\.js'/g)].map((m) => m[1]));
  if (/new VerifierController\b/.test(folder)) tags.add('verification-code-modal');
  return [...tags].sort();
}

/** The element's own folder, as one text: its sub-views fire events and draw parts too. */
function readFolder(folder) {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.styles.ts'))
    .map((file) => readFileSync(join(folder, file), 'utf8'))
    .join('\n');
}
