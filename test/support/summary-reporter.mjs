/**
 * Closes the browser test run with one plain line, `tests: N passed, N failed, N skipped`, that any
 * CI can read. A test file that fails to load counts as a failure.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (session.errors?.length) failed += 1;
      }
      console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}
