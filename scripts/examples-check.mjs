/**
 * Proves the examples in `examples/` the way a host would meet the kit: from the packed package
 * (`npm pack`, unpacked into each example's node_modules), each example installed from its own
 * lock, type-checked (and a deliberately wrong file must fail), built, served and driven in
 * Chromium: the withdraw dialog renders, a withdrawal runs against the in-memory backend, and the
 * element's event reaches the framework's handler.
 *
 *   node scripts/examples-check.mjs [name…] [--reuse]   (after `npm run build`)
 *
 * `--reuse` keeps an example's installed node_modules instead of `npm ci`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { URL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { chromium } from 'playwright-core';
import { findBrowser } from './browser-path.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const reuse = args.includes('--reuse');
const only = args.filter((arg) => !arg.startsWith('--'));

/** The CSP of the Security docs page; the no-build page must run under it untouched. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

/** Each builds an example into `out`; an example's `site` names the folder of `out` to serve, if not `out` itself. */
const viteBuild = (out) => ['vite', 'build', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'];
const ngBuild = (out) => ['ng', 'build', '--output-path', out];

const examples = {
  'no-build': { framework: false, pages: checkNoBuild },
  react19: { typecheck: ['tsc'], build: viteBuild, pages: checkPortal },
  react18: { typecheck: ['tsc'], build: viteBuild, pages: checkPortal },
  vue: { typecheck: ['vue-tsc'], build: viteBuild, pages: checkPortal },
  // ngc checks the templates too; it prints paths relative to the tsconfig and in colour.
  angular: { typecheck: ['ngc'], build: ngBuild, site: 'browser', pages: checkPortal },
};

const run = (command, argv, cwd) => {
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', stdio: 'pipe' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
};
const must = (command, argv, cwd) => {
  const result = run(command, argv, cwd);
  if (!result.ok) throw new Error(`${command} ${argv.join(' ')} failed in ${cwd}:\n${result.output}`);
  return result.output;
};

function packPackage() {
  if (!existsSync(join(root, 'dist/bundle.js'))) throw new Error('Run `npm run build` first.');
  const folder = mkdtempSync(join(tmpdir(), 'partner-kit-pack-'));
  const [{ filename }] = JSON.parse(must('npm', ['pack', '--json', '--pack-destination', folder], root));
  const unpacked = join(folder, 'package');
  execFileSync('tar', ['-xzf', join(folder, filename), '-C', folder]);
  return unpacked;
}

/** Puts the packed package where the example's imports find it, as `npm i partner-kit` would. */
function installPackage(exampleDir, unpacked) {
  const target = join(exampleDir, 'node_modules/partner-kit');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('cp', ['-R', `${unpacked}/.`, target]);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };

/** Serves `routes` (URL prefix → folder) on a free port, with `csp` when given. */
function serve(routes, csp) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const [prefix, folder] = Object.entries(routes).find(([p]) => path.startsWith(p)) ?? [];
    let file = folder && normalize(join(folder, path.slice(prefix.length)));
    if (file && (file.endsWith('/') || !extname(file))) file = join(file, 'index.html');
    if (!file || !file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...(csp ? { 'content-security-policy': csp } : {}) });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

async function withPage(browser, url, check) {
  const page = await browser.newPage();
  const problems = [];
  const warnings = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  try {
    await page.goto(url);
    await check(page, warnings);
  } finally {
    await page.close();
  }
  if (problems.length) throw new Error(`${url}:\n  ${problems.join('\n  ')}`);
}

/** The portal examples: open the dialog, withdraw with a code from the demo outbox, see the handler's note. */
async function checkPortal(browser, url) {
  await withPage(browser, url, async (page) => {
    await page.getByRole('button', { name: 'Withdraw balance' }).click();
    const dialog = page.locator('withdraw-dialog');
    await dialog.locator('#amount').fill('100');
    await dialog.locator('[part=primary]').click();
    await dialog.locator('dl.summary').waitFor();
    await dialog.locator('[part=primary]').click();
    const modal = page.locator('verification-code-modal');
    await modal.locator('[part=send]').click();
    await page.getByTestId('outbox').waitFor();
    const code = /\d{6}/.exec((await page.getByTestId('outbox').textContent()) ?? '')?.[0];
    if (!code) throw new Error('no code in the demo outbox');
    await modal.locator('[part=input]').fill(code);
    const submitted = page.getByTestId('last-withdrawal');
    await submitted.waitFor({ timeout: 3000 }).catch(async () => {
      await modal.locator('[part=confirm]').click();
      await submitted.waitFor();
    });
    if (!/Withdrawal submitted: \S+/.test((await submitted.textContent()) ?? '')) throw new Error('the handler did not get the reference');
  });
}

/** The no-build pages under the strict CSP: demo data marked and warned about; require-api a configuration error. */
async function checkNoBuild(browser, url) {
  await withPage(browser, `${url}/index.html`, async (page, warnings) => {
    await page.locator('#withdraw').click();
    const dialog = page.locator('withdraw-dialog');
    await dialog.locator('[part=demo-marker]').waitFor();
    // The demo backend's bank account has no branch yet: the dialog asks for one first.
    await dialog.locator('#branch-list option').first().waitFor();
    await dialog.locator('#branch-list').selectOption({ index: 0 });
    await dialog.locator('[part=primary]').click();
    await dialog.locator('#amount').fill('100');
    await dialog.locator('[part=primary]').click();
    await dialog.locator('dl.summary').waitFor();
    await dialog.locator('button.icon[part=secondary]').click();
    const discard = dialog.locator('.discard [part=primary]');
    if (await discard.isVisible()) await discard.click();
    await page.locator('#last-event', { hasText: 'Withdrawal cancelled' }).waitFor();
    const demoWarnings = warnings.filter((text) => text.includes('in-memory demo backend'));
    if (demoWarnings.length !== 1) throw new Error(`expected one demo-data warning, got ${demoWarnings.length}`);
  });
  await withPage(browser, `${url}/production.html`, async (page) => {
    await page.locator('#last-event', { hasText: 'Load failed: configuration' }).waitFor();
    await page.locator('withdraw-dialog [part=error]').waitFor();
    if (await page.locator('withdraw-dialog [part=demo-marker]').count()) throw new Error('require-api still shows demo data');
  });
}

const unpacked = packPackage();
const executablePath = findBrowser();
if (!executablePath) throw new Error('No Chromium found (set CHROME_PATH).');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
let failed = 0;
let passed = 0;
try {
  for (const [name, example] of Object.entries(examples)) {
    if (only.length && !only.includes(name)) continue;
    const dir = join(root, 'examples', name);
    const started = Date.now();
    try {
      if (example.framework === false) {
        const server = await serve({ '/node_modules/partner-kit/': unpacked, '/': dir }, STRICT_CSP);
        try {
          await example.pages(browser, server.url);
        } finally {
          server.close();
        }
      } else {
        if (!reuse || !existsSync(join(dir, 'node_modules'))) must('npm', ['ci', '--no-audit', '--no-fund'], dir);
        installPackage(dir, unpacked);
        const [checker] = example.typecheck;
        must('npx', ['--no-install', checker, '--noEmit', '-p', 'tsconfig.json'], dir);
        const wrong = run('npx', ['--no-install', checker, '--noEmit', '-p', 'type-errors/tsconfig.json'], dir);
        const wrongOutput = stripVTControlCharacters(wrong.output);
        if (wrong.ok || !/(?:type-errors\/|^)[\w-]+\.(?:tsx?|vue)(?:\(\d+,\d+\):|:\d+:\d+ -) error TS2322/im.test(wrongOutput)) {
          throw new Error(`type-errors/ should fail with TS2322 on the wrong property:\n${wrongOutput}`);
        }
        // Built outside the repository: a built example is nothing to lint or commit.
        const out = mkdtempSync(join(tmpdir(), `partner-kit-${name}-`));
        must('npx', ['--no-install', ...example.build(out)], dir);
        const server = await serve({ '/': join(out, example.site ?? '') });
        try {
          await example.pages(browser, server.url);
        } finally {
          server.close();
          rmSync(out, { recursive: true, force: true });
        }
      }
      passed++;
      console.log(`ok   ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}: ${error instanceof Error ? error.message : error}`);
    }
  }
} finally {
  await browser.close();
  rmSync(resolve(unpacked, '..'), { recursive: true, force: true });
}
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
