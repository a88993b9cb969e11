import { readFileSync, writeFileSync } from 'node:fs';

/**
 * custom-element-vuejs-integration wraps an event's type in `CustomEvent<…>` again, though the
 * manifest's event type already is one (`CustomEvent<WithdrawalSubmittedDetail>`), so a handler's
 * `event.detail` would be typed as an event. This runs after it and unwraps the double.
 * @param {string} file the generated Vue types
 */
export function fixVueEventTypes(file) {
  return {
    name: 'partner-kit-fix-vue-event-types',
    packageLinkPhase() {
      const types = readFileSync(file, 'utf8');
      writeFileSync(file, types.replaceAll(/CustomEvent<CustomEvent<([^<>]+)>>/g, 'CustomEvent<$1>'));
    },
  };
}
