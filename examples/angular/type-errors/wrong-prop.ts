// Must NOT typecheck. Angular does not check bindings on custom elements (CUSTOM_ELEMENTS_SCHEMA),
// so a component that sets the kit's properties from TypeScript gets the element class's types:
// scripts/examples-check.mjs expects ngc to fail here, and on this line.
import type { WithdrawDialog } from 'partner-kit/withdraw-dialog.js';

export const openWrong = (dialog: WithdrawDialog) => (dialog.open = 'yes');
