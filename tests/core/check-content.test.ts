/**
 * checkContent (diagnostics only, shared out to worker threads) must report
 * exactly what validateContent reports — same diagnostics, same order, same
 * file count and verdict — whatever the number of threads. Checked on a
 * generated corpus with one of each kind of mistake spread over its files
 * (so they land in different shares, and every cross-file rule fires), and on
 * the project's own content.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCorpus } from '../../src/bench/write-corpus.ts';
import { checkContent } from '../../src/core/check-content.ts';
import { validateContent } from '../../src/core/validate.ts';
import { repoRoot } from '../support/repo-root.ts';

const TODAY = '2026-11-23';

/** Every .md file of a kind folder, relative to the root, in path order. */
async function filesOf(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

async function edit(root: string, relative: string, change: (text: string) => string) {
  const file = path.join(root, relative);
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${relative} changed nothing`).not.toBe(before);
  await writeFile(file, after);
}

/** What a run reports, as the CLI would print it with --json, plus the totals. */
const report = (result: { diagnostics: unknown[]; files: number; ok: boolean }) => ({
  json: JSON.stringify(result.diagnostics, null, 2),
  files: result.files,
  ok: result.ok,
});

describe('a generated corpus with every kind of mistake', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kb-check-'));
    await writeCorpus({ dir: root, docs: 300, guidelinesDir: path.join(repoRoot, 'content', 'guidelines') });
    const policies = await filesOf(root, 'policies');
    const faqs = await filesOf(root, 'faqs');
    const places = await filesOf(root, 'places');
    const contacts = await filesOf(root, 'contacts');
    const guidelines = await filesOf(root, 'guidelines');
    // Cross-file rules: dangling references, duplicates, the guideline set.
    await edit(root, policies[3]!, (t) => t.replace(/^place: (.+)$/m, 'place: $1x'));
    await edit(root, policies[40]!, (t) => t.replace(/^title: /m, 'replaces: no-such-policy\ntitle: '));
    await edit(root, faqs[60]!, (t) => t.replace(/^policies:\n {2}- .+$/m, 'policies:\n  - missing-policy-2020').replace(/contact: ([a-z0-9-]+)\/city-clerk/, 'contact: $1/city-mayor'));
    await edit(root, contacts[11]!, (t) => t.replace(/^place: (.+)$/m, 'place: nowhere-zz'));
    await writeFile(path.join(root, 'places', 'aaa-copy-mo.md'), await readFile(path.join(root, places[7]!), 'utf8'));
    await edit(root, guidelines[4]!, (t) => t.replace(/^number: \d+$/m, 'number: 1'));
    // An invalid guideline leaves 30: its code is then unknown to the passages that use it.
    await edit(root, guidelines[9]!, (t) => t.replace(/^number: \d+$/m, 'number: nine'));
    // Per-file rules, in files spread over the folder.
    await edit(root, policies[10]!, (t) => `${t}\n<script>x()</script> Call 123-45-6789.\n\nTODO: finish\n\n${'>'.repeat(40)} deep\n\n<span class="g-open-data">open\n`);
    await edit(root, policies[55]!, (t) => t.replace('class="g-', 'class="g-zz').replace(/<span class="g-[a-z-]+">/, '<span class="guideline-x g-metadata">'));
    await edit(root, policies[70]!, (t) => t.replace(/^title: .*$/m, 'title: [never closed'));
    await edit(root, faqs[5]!, (t) => `${t.replace(/^last_reviewed: .*$/m, 'last_reviewed: 2030-01-01')}\nSee [9].\n`);
    await edit(root, faqs[20]!, (t) => t.replace(/^summary: /m, 'summary: TODO ').replace(/^place: .*$/m, 'place: elsewhere-mo'));
    await edit(root, faqs[90]!, (t) => t.replace(/^last_reviewed: .*$/m, 'last_reviewed: 2020-02-30'));
    // Files the walk and the reader refuse or warn about.
    await mkdir(path.join(root, 'notes'));
    await writeFile(path.join(root, 'notes', 'stray.md'), '---\ntitle: x\n---\n');
    await writeFile(path.join(root, 'places', 'readme.txt'), 'not content');
    await writeFile(path.join(root, 'places', 'empty-mo.md'), '');
    await writeFile(path.join(root, 'places', 'bom-mo.md'), `\ufeff${await readFile(path.join(root, places[1]!), 'utf8')}`);
    await writeFile(path.join(root, 'places', 'latin-mo.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a]));
    await symlink('/etc/hostname', path.join(root, 'places', 'escape-mo.md'));
  }, 120_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('the mistakes are there: every cross-file rule and the per-file ones fire', async () => {
    const { diagnostics } = await validateContent(root, { today: TODAY });
    const rules = new Set(diagnostics.map((d) => d.rule));
    for (const rule of ['dangling-reference', 'duplicate-id', 'guideline-set', 'unsafe-html', 'personal-data', 'placeholder', 'nesting-depth', 'unbalanced-span', 'unknown-guideline', 'unknown-span-class', 'yaml', 'review-date', 'unresolved-citation', 'file-location', 'schema', 'stray-file', 'frontmatter', 'encoding', 'symlink']) {
      expect(rules, rule).toContain(rule);
    }
  });

  test.each([1, 2, 3])('%i worker thread(s) report exactly what validateContent reports', async (workers) => {
    const serial = await validateContent(root, { today: TODAY });
    const shared = await checkContent(root, { today: TODAY, workers });
    expect(report(shared)).toEqual(report(serial));
  });

  test('with paths given, the same subset', async () => {
    const only = ['places/', path.join(root, 'policies')];
    const serial = await validateContent(root, { today: TODAY, only });
    const shared = await checkContent(root, { today: TODAY, workers: 2, only });
    expect(report(shared)).toEqual(report(serial));
    expect(serial.diagnostics.length).toBeGreaterThan(0);
  });
});

test("the project's content: same report with workers", async () => {
  const content = path.join(repoRoot, 'content');
  expect(report(await checkContent(content, { today: TODAY, workers: 2 }))).toEqual(report(await validateContent(content, { today: TODAY })));
});
