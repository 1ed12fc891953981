import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root, wherever the tests are started from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
