import { writeFile } from 'node:fs/promises';
import { buildOpenApi } from './openapi.js';

/** Writes docs/openapi.json (committed) from the same schemas the server validates with. */
const target = new URL('../../docs/openapi.json', import.meta.url);
await writeFile(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
