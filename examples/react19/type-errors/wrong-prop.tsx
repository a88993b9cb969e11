// Must NOT typecheck: the kit's JSX types reject a property of the wrong type.
// scripts/examples-check.mjs expects tsc to fail here, and on this line.
export const Wrong = () => <withdraw-dialog open="yes" />;
