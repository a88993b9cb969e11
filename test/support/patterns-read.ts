/**
 * Runs `work` and returns the length of the longest string a regular expression was run on
 * meanwhile (while `work`'s promise is pending too, so keep other work off the page). A check that
 * refuses an over-long value by its length before any pattern reads it returns at most that limit,
 * whatever the value's size: the deterministic form of "refused at once", which a timed assertion
 * only approximates, and flakily on a loaded machine. Every pattern use (`test`, `match`,
 * `replace`, `split`, `search`) goes through `exec`.
 */
export async function longestPatternInput(work: () => unknown): Promise<number> {
  const exec = RegExp.prototype.exec;
  let longest = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    longest = Math.max(longest, String(input).length);
    return exec.call(this, input);
  };
  try {
    await work();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return longest;
}
