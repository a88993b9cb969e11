// Makes sure a system Chromium exists before the browser tests start. No test tool may download
// a browser of its own here: on Debian as root we install the distribution's package, anywhere
// else we stop with one line saying what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser-path.mjs';

if (findBrowser()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian\'s chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (findBrowser()) process.exit(0);
}
console.error('No Chromium or Chrome found: install one (Debian: apt-get install chromium) or set CHROME_PATH to its executable.');
process.exit(1);
