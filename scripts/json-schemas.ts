/**
 * npm run schemas [-- --check]
 *
 * Writes schemas/<kind>.schema.json from the Zod schemas (see
 * src/core/scaffold/json-schemas.ts). With --check, writes nothing and exits 1
 * when a committed file differs from what the Zod schemas give.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { jsonSchemaFiles, SCHEMAS_DIR } from '../src/core/scaffold/json-schemas.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const dir = path.join(repoRoot, SCHEMAS_DIR);

let stale = 0;
await mkdir(dir, { recursive: true });
for (const [name, text] of jsonSchemaFiles()) {
  const file = path.join(dir, name);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) continue;
  stale++;
  if (values.check) console.error(`${SCHEMAS_DIR}/${name} is out of date: run npm run schemas`);
  else {
    await writeFile(file, text);
    console.log(`wrote ${SCHEMAS_DIR}/${name}`);
  }
}
if (!stale) console.log(`${SCHEMAS_DIR}/ is up to date`);
process.exit(values.check && stale ? 1 : 0);
