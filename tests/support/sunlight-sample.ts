/** The real Sunlight Hub sample (../shared/sunlight-sample), for tests that run on it when it is present. */
import { spawnSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';

export const SUNLIGHT_SAMPLE = path.resolve(repoRoot, '../shared/sunlight-sample');

export const sunlightSamplePresent: boolean = await access(path.join(SUNLIGHT_SAMPLE, '_policies')).then(
  () => true,
  () => false,
);

/** Imports the sample into `dir` with the project's own importer (npm run import:sunlight); throws with its output if it fails. */
export function importSunlightSample(dir: string): void {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/import-sunlight.ts'), SUNLIGHT_SAMPLE, '--out', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`import:sunlight failed:\n${run.stdout}\n${run.stderr}`);
}
