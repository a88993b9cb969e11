// Must NOT typecheck: the wrappers' props are the element's properties, typed.
// scripts/examples-check.mjs expects tsc to fail here, and on this line.
import { WithdrawDialogElement } from 'partner-kit/react';

export const Wrong = () => <WithdrawDialogElement open="yes" />;
