import { readFileSync, writeFileSync } from 'node:fs';

/** Every name src/element-types.ts exports: what the generated types may import from it. */
function elementTypeNames() {
  const source = readFileSync('src/element-types.ts', 'utf8');
  return new Set([...source.matchAll(/export type \{([^}]+)\}/g)].flatMap(([, names]) => names.split(',').map((name) => name.trim()).filter(Boolean)));
}

/**
 * custom-element-vuejs-integration wraps an event's type in `CustomEvent<…>` again, though the
 * manifest's event type already is one (`CustomEvent<WithdrawalSubmittedDetail>`), so a handler's
 * `event.detail` would be typed as an event; and it imports the element classes only, so each
 * event's detail type is a name nothing declares, which a host's `skipLibCheck` turns into `any`.
 * This runs after it: it unwraps the double and imports every element type the file names.
 * @param {string} file the generated Vue types
 */
export function fixVueEventTypes(file) {
  return {
    name: 'partner-kit-fix-vue-event-types',
    packageLinkPhase() {
      const types = readFileSync(file, 'utf8').replaceAll(/CustomEvent<CustomEvent<([^<>]+)>>/g, 'CustomEvent<$1>');
      const imports = /import type \{([^}]+)\} from "\.\/types\/element-types\.js";/.exec(types);
      if (!imports) throw new Error(`${file}: no import of the element types to complete`);
      const imported = new Set(imports[1].split(',').map((name) => name.trim()).filter(Boolean));
      const body = types.slice(imports.index + imports[0].length);
      const named = [...elementTypeNames()].filter((name) => !imported.has(name) && new RegExp(`\\b${name}\\b`).test(body));
      const all = [...imported, ...named].sort((a, b) => a.localeCompare(b));
      writeFileSync(file, types.replace(imports[0], `import type {\n${all.map((name) => `  ${name},`).join('\n')}\n} from "./types/element-types.js";`));
    },
  };
}
