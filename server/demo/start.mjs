// `npm run demo` in server/: the reference server (PGlite in server/.data, dev outbox on) and the
// demo page on the HTTP adapter, together; Ctrl-C stops both.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { URL } from 'node:url';

const here = new URL('..', import.meta.url);
const children = [
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--dev-outbox'], { cwd: here, stdio: 'inherit' }),
  spawn(new URL('../node_modules/.bin/vite', here).pathname, ['--config', 'demo/vite.config.ts'], { cwd: here, stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);
