/** The thin CLI: arguments, --dry-run, --json, --policy-file, exit codes. */
import { execFile } from 'node:child_process';
import { access, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../../support/repo-root.ts';
import { PLACE_FILE, policyFile, removeTempDirs, tempDir, writeHub, writeTree } from './hub-fixture.ts';

afterAll(removeTempDirs);

const SCRIPT = path.join(repoRoot, 'scripts', 'import-sunlight.ts');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const POLICY = policyFile('<span class="g-metadata">Publish metadata.</span> Ã‚ § 5.');

describe('import:sunlight', () => {
  test('--dry-run --json reports the plan and writes nothing', async () => {
    const hubDir = await writeHub({ 'riverbend-mo-2019-05-06.md': POLICY });
    const outDir = path.join(await tempDir(), 'out');
    const run = await cli([hubDir, '--out', outDir, '--dry-run', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.writes).toEqual(expect.arrayContaining(['places/riverbend-mo.md', 'policies/riverbend-mo-2019-05-06.md']));
    expect(report.outcomes.find((o: { kind: string }) => o.kind === 'policy').repairs).toEqual({ mojibake: 1 });
    await expect(access(outDir)).rejects.toThrow();
  });

  test('the table: counts, repairs by kind, passages per guideline', async () => {
    const hubDir = await writeHub({ 'riverbend-mo-2019-05-06.md': POLICY });
    const outDir = await tempDir();
    const run = await cli([hubDir, '--out', outDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^policies\s+1\s+1\s+0\s+0\s+0$/m);
    expect(run.stdout).toMatch(/^places\s+1\s+1\s+0\s+0\s+0$/m);
    expect(run.stdout).toMatch(/^mojibake\s+1\s+1$/m);
    expect(run.stdout).toMatch(/^metadata\s+1\s+1$/m);
    // The fixture's two guidelines agree with ours; the 29 it lacks are reported as ours alone.
    expect(run.stdout).toContain("Guideline facts against the project's guidelines: 29 mismatch(es)");
    expect(await readdir(path.join(outDir, 'policies'))).toEqual(['riverbend-mo-2019-05-06.md']);
  });

  test('a refused file: exit 1, with the reason', async () => {
    const hubDir = await writeHub({ 'riverbend-mo-2019-05-06.md': policyFile('<span class="g-metadatta">x</span>') });
    const run = await cli([hubDir, '--out', await tempDir()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Refused: 1');
    expect(run.stdout).toContain('did you mean "g-metadata"?');
  });

  test('--policy-file: one Hub-format file, id from its place and date, title by hand', async () => {
    const source = await writeTree({ '007_notes.txt': POLICY });
    const outDir = await writeTree({ 'places/riverbend-mo.md': '---\nname: Riverbend\nkind: city\nstate: MO\n---\n' });
    const run = await cli(['--policy-file', path.join(source, '007_notes.txt'), '--title', 'Riverbend Open Data Order', '--out', outDir]);
    expect(run.code).toBe(0);
    const written = await readFile(path.join(outDir, 'policies', 'riverbend-mo-2019-05-06.md'), 'utf8');
    expect(written).toMatch(/^---\ntitle: Riverbend Open Data Order\nplace: riverbend-mo\n/);
    expect(written).toContain('§ 5.');
    expect(run.stdout).toContain('not checked (the Hub folder has no _guidelines)');
  });

  test('--policy-file with a hub: only the place the policy names comes along', async () => {
    const hubDir = await writeHub({}, { 'riverbend-mo.md': PLACE_FILE, 'lakeside-mo.md': PLACE_FILE.replace(/riverbend/g, 'lakeside') });
    const source = await writeTree({ 'p.md': POLICY });
    const outDir = await tempDir();
    const run = await cli([hubDir, '--policy-file', path.join(source, 'p.md'), '--out', outDir]);
    expect(run.code).toBe(0);
    expect(await readdir(path.join(outDir, 'places'))).toEqual(['riverbend-mo.md']);
    expect(await readdir(path.join(outDir, 'policies'))).toEqual(['riverbend-mo-2019-05-06.md']);
  });

  test('no hub and no file: usage, exit 2', async () => {
    const run = await cli(['--out', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run import:sunlight');
  });
});
