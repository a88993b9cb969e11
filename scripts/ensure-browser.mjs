// Makes sure a system Chromium and a CJK font exist before the browser tests start. No test tool may
// download a browser of its own here: on Debian as root we install the distribution's packages
// (chromium, and fonts-noto-cjk so Chinese screenshots are not boxes) in one step; anywhere else we
// stop with one line saying what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser-path.mjs';

/** Whether fontconfig knows a font with Chinese glyphs (no fontconfig: we cannot tell, so no). */
function hasCjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

const missing = [...(findBrowser() ? [] : ['chromium']), ...(hasCjkFont() ? [] : ['fonts-noto-cjk'])];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing Debian's ${missing.join(' and ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (findBrowser()) process.exit(0);
}
if (!findBrowser()) {
  console.error('No Chromium or Chrome found: install one (Debian: apt-get install chromium) or set CHROME_PATH to its executable.');
  process.exit(1);
}
// A browser without a CJK font still runs every test; only Chinese screenshots would differ.
console.warn('No CJK font found (Debian: apt-get install fonts-noto-cjk): Chinese screenshots will not match their baselines.');
