/** A clock tests move forward by hand; both backends read it. */
export function manualClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
