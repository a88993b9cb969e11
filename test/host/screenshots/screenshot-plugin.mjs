// Screenshot comparison for the test runner: baselines in test/screenshots/<element>/<name>.png,
// diffs and new shots of a failed comparison under node_modules/.cache (never committed).
import path from 'node:path';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

const OUT = path.resolve('node_modules/.cache/partner-kit-screenshots');

/** @param {{ update: boolean }} options */
export function screenshotPlugin({ update }) {
  return visualRegressionPlugin({
    update,
    baseDir: 'test/screenshots',
    getBaselineName: ({ name }) => name,
    getDiffName: ({ name }) => path.join(OUT, `${name}.diff.png`),
    getFailedName: ({ name }) => path.join(OUT, `${name}.new.png`),
    // Anti-aliasing differs a little between runs of one font stack; a moved box does not.
    diffOptions: { threshold: 0.1, includeAA: false },
    failureThresholdType: 'percent',
    failureThreshold: 0.5,
  });
}
