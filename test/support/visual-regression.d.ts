/**
 * @web/test-runner-visual-regression 0.10 (the line that supports Node 20) types its browser
 * command in `commands.d.ts` but re-exports it from `commands.mjs`, which TypeScript cannot pair;
 * this repeats its signature.
 */
declare module '@web/test-runner-visual-regression' {
  export function visualDiff(element: Node, name: string): Promise<void>;
}
