import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { screenshotPlugin } from './test/host/screenshots/screenshot-plugin.mjs';
import { strictCspPage } from './test/host/csp/csp-header.mjs';
import { findBrowser } from './scripts/browser-path.mjs';
import { mockBackend } from './test/support/mock-backend.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';

const executablePath = findBrowser();
if (!executablePath) {
  throw new Error('No Chromium found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH.');
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // `npm run test:screenshots:update` passes --update-visual-baseline to rewrite the baselines.
    screenshotPlugin({ update: process.argv.includes('--update-visual-baseline') }),
  ],
  middleware: [mockBackend, strictCspPage],
  reporters: [defaultReporter(), summaryReporter()],
  concurrency: 2,
  // CI logs are files, not terminals: no redrawn progress bar, plain lines only.
  staticLogging: Boolean(process.env.CI),
  // Lit's dev build warns once per page that it is the dev build; every other log stays visible.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        // The closed network here refuses Chromium's background connections; keep it from trying.
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
};
