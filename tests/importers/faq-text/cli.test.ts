/** The thin CLI: files written where they belong, existing places and offices kept, --force, --dry-run. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { parseFrontmatter } from '../../../src/core/load/frontmatter.ts';
import { contactSchema } from '../../../src/core/schema/contact.ts';
import { faqSchema } from '../../../src/core/schema/faq.ts';
import { placeSchema } from '../../../src/core/schema/place.ts';
import { repoRoot } from '../../support/repo-root.ts';
import { riverbendArticle } from './article-fixture.ts';

const SCRIPT = path.join(repoRoot, 'scripts', 'import-faq.ts');
const FAQ = path.join('faqs', 'riverbend-mo', 'street-camera-data-records-faq.md');
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function workspace(): Promise<{ input: string; out: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-cli-'));
  temps.push(dir);
  const input = path.join(dir, 'riverbend.txt');
  await writeFile(input, riverbendArticle({ mojibake: true }));
  return { input, out: path.join(dir, 'content') };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  return parseFrontmatter(file, await readFile(file, 'utf8')).data;
}

describe('import:faq', () => {
  test('writes the FAQ, its place and its offices, each valid, and prints the report', async () => {
    const { input, out } = await workspace();
    const run = await cli([input, '--out', out, '--today', '2026-11-23']);
    expect(run.code).toBe(0);
    const faq = faqSchema.parse(await frontmatter(path.join(out, FAQ)));
    expect(faq.last_reviewed).toBe('2026-11-23');
    expect(placeSchema.parse(await frontmatter(path.join(out, 'places', 'riverbend-mo.md')))).toEqual({ name: 'Riverbend', kind: 'city', state: 'MO' });
    expect((await readdir(path.join(out, 'contacts', 'riverbend-mo'))).sort()).toEqual(['city-clerk.md', 'police-department.md']);
    const clerk = contactSchema.parse(await frontmatter(path.join(out, 'contacts', 'riverbend-mo', 'city-clerk.md')));
    expect(clerk).toEqual({ name: 'City Clerk', role: 'clerk', place: 'riverbend-mo', channels: {}, handles: ['records requests'] });
    expect(run.stdout).toContain('repaired: mis-decoded "ยท" → "·" (1×)');
  });

  test('an existing FAQ is refused without --force and replaced with it', async () => {
    const { input, out } = await workspace();
    expect((await cli([input, '--out', out, '--today', '2026-11-23'])).code).toBe(0);
    const refused = await cli([input, '--out', out, '--today', '2026-11-24']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('exists; pass --force to overwrite it');
    expect((await frontmatter(path.join(out, FAQ))).last_reviewed).toBe('2026-11-23');
    expect((await cli([input, '--out', out, '--today', '2026-11-24', '--force'])).code).toBe(0);
    expect((await frontmatter(path.join(out, FAQ))).last_reviewed).toBe('2026-11-24');
  });

  test('an existing place and office are linked and left exactly as they were', async () => {
    const { input, out } = await workspace();
    const placeFile = path.join(out, 'places', 'riverbend-mo.md');
    const clerkFile = path.join(out, 'contacts', 'riverbend-mo', 'city-clerk.md');
    await mkdir(path.dirname(placeFile), { recursive: true });
    await mkdir(path.dirname(clerkFile), { recursive: true });
    const place = '---\nname: Riverbend\nkind: local\nstate: MO\n---\n';
    const clerk = '---\nname: City Clerk\nrole: clerk\nplace: riverbend-mo\n---\n';
    await writeFile(placeFile, place);
    await writeFile(clerkFile, clerk);
    const run = await cli([input, '--out', out, '--today', '2026-11-23']);
    expect(run.code).toBe(0);
    expect(await readFile(placeFile, 'utf8')).toBe(place);
    expect(await readFile(clerkFile, 'utf8')).toBe(clerk);
    expect(run.stdout).toContain('(place exists)');
    expect((await frontmatter(path.join(out, FAQ))).place).toBe('riverbend-mo');
  });

  test('--dry-run writes nothing', async () => {
    const { input, out } = await workspace();
    const run = await cli([input, '--out', out, '--dry-run', '--today', '2026-11-23']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`would write ${path.join(out, FAQ)}`);
    await expect(readdir(out)).rejects.toThrow();
  });

  test('a bad --today or no file: usage, exit 2', async () => {
    const { input, out } = await workspace();
    expect((await cli([input, '--out', out, '--today', '2026-13-01'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });
});
