/** The benchmark's synthetic corpus: valid, deterministic, and shaped like real content. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { generateCorpus, planCorpus, type CorpusFile } from '../../src/bench/generate-corpus.ts';
import { guidelineCodesIn, writeCorpus, type WrittenCorpus } from '../../src/bench/write-corpus.ts';
import { sharedWording } from '../../src/core/analysis/shared-wording.ts';
import { REWRITE_BELOW } from '../../src/core/analysis/versions.ts';
import { toPlainText } from '../../src/core/passages/plain-text.ts';
import { FACET_KEYS, US_STATES } from '../../src/core/schema/index.ts';
import { validateContent, type ValidationResult } from '../../src/core/validate.ts';
import { repoRoot } from '../support/repo-root.ts';

const guidelinesDir = path.join(repoRoot, 'content', 'guidelines');
const frontmatter = (file: CorpusFile) => parse(file.text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;
const body = (file: CorpusFile) => file.text.slice(file.text.indexOf('\n---\n') + 5);

describe('a corpus of 200 documents', () => {
  let dir: string;
  let written: WrittenCorpus;
  let validation: ValidationResult;
  let files: CorpusFile[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-bench-test-'));
    written = await writeCorpus({ dir, docs: 200, guidelinesDir });
    validation = await validateContent(dir, { today: '2026-11-23' });
    files = [...generateCorpus({ docs: 200, guidelineCodes: await guidelineCodesIn(guidelinesDir) })];
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('validates with 0 errors', () => {
    const errors = validation.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`)).toEqual([]);
    expect(validation.ok).toBe(true);
  });

  test('splits N into places ≈ N/10, policies ≈ 40 %, FAQs the rest, 2–3 contacts a place', () => {
    expect(written.files).toMatchObject({ guidelines: 31, places: 20, policies: 80, faqs: 100 });
    expect(written.files['contacts']).toBeGreaterThanOrEqual(40);
    expect(written.files['contacts']).toBeLessThanOrEqual(60);
    expect(validation.files).toBe(Object.values(written.files).reduce((a, b) => a + b, 0));
    expect(planCorpus(10_000)).toMatchObject({ places: 1000, policies: 4000, faqs: 5000 });
  });

  test('is deterministic for a seed and differs for another seed', async () => {
    const codes = await guidelineCodesIn(guidelinesDir);
    const again = [...generateCorpus({ docs: 200, guidelineCodes: codes })];
    expect(again).toEqual(files);
    const other = [...generateCorpus({ docs: 200, guidelineCodes: codes, seed: 7 })];
    expect(other.map((f) => f.text)).not.toEqual(files.map((f) => f.text));
  });

  test("a place's later policies mostly amend the one before (a version diff to show), some are rewritten", () => {
    const policies = files.filter((f) => f.relative.startsWith('policies/')).map((f) => ({ data: frontmatter(f), text: toPlainText(body(f)) }));
    const textOf = new Map(files.filter((f) => f.relative.startsWith('policies/')).map((f) => [f.relative.slice('policies/'.length, -3), toPlainText(body(f))]));
    const shares = policies.filter((p) => p.data['replaces']).map((p) => sharedWording(textOf.get(p.data['replaces'])!, p.text));
    expect(shares.length).toBe(60); // 80 policies over 20 places: 3 later versions each
    // Amendments keep most three-word phrases. The generator's rewrites still share about half of theirs (its word
    // lists are small), so unlike a real rewrite (13–14 % in the Sunlight sample) they get a diff.
    const amendments = shares.filter((x) => x > 0.7);
    expect(amendments.length).toBeGreaterThan(shares.length / 2);
    expect(amendments.length).toBeLessThan(shares.length * 0.9);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(REWRITE_BELOW);
    expect(Math.min(...amendments)).toBeLessThan(1);
  });

  test('places have synthetic names, valid states and coordinates inside the US', () => {
    const places = files.filter((f) => f.relative.startsWith('places/')).map(frontmatter);
    for (const place of places) {
      expect(place['name']).toMatch(/^[A-Z][A-Za-z ]+ \d{4}$/);
      expect(Object.keys(US_STATES)).toContain(place['state']);
      // The contiguous US spans roughly 24.5–49.4 °N and 66.9–124.8 °W.
      expect(place['coordinates'].lat).toBeGreaterThan(24.5);
      expect(place['coordinates'].lat).toBeLessThan(49.4);
      expect(place['coordinates'].lon).toBeGreaterThan(-124.8);
      expect(place['coordinates'].lon).toBeLessThan(-66.9);
    }
  });

  test('policies are 2–20 KB with headings, lists, nested and paragraph-crossing spans', () => {
    const policies = files.filter((f) => f.relative.startsWith('policies/'));
    const sizes = policies.map((f) => Buffer.byteLength(body(f)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(24 * 1024);
    expect(Math.max(...sizes)).toBeGreaterThan(12 * 1024);
    const all = policies.map(body).join('\n');
    expect(all).toMatch(/^## /m);
    expect(all).toMatch(/^- /m);
    expect(all).toMatch(/^1\. /m);
    expect(all).toMatch(/<span class="g-[a-z-]+"><span class="g-[a-z-]+">/);
    expect(all).toMatch(/<span class="g-[a-z-]+ g-[a-z-]+">/);
    // A span opened in one paragraph and closed in a later one.
    expect(all).toMatch(/<span class="g-[a-z-]+">[^<\n]+\n\n[^\n]*<\/span>/);
    const passages = validation.context.policies.reduce((n, p) => n + (validation.context.extraction.get(p.file)?.passages.length ?? 0), 0);
    expect(passages).toBeGreaterThan(policies.length * 5);
    expect(validation.context.policies.some((p) => (validation.context.extraction.get(p.file)?.passages ?? []).some((x) => x.paragraphs > 1))).toBe(true);
    expect(validation.context.policies.some((p) => (validation.context.extraction.get(p.file)?.passages ?? []).some((x) => x.depth > 0))).toBe(true);
  });

  test('FAQs cover every facet, both statuses, Q&A, how-to, and sources with and without URLs', () => {
    const faqs = files.filter((f) => f.relative.startsWith('faqs/')).map(frontmatter);
    for (const key of FACET_KEYS) {
      const statuses = new Set(faqs.map((f) => f['enforcement'][key].status));
      expect(statuses).toEqual(new Set(['stated', 'not-specified']));
    }
    expect(faqs.every((f) => f['questions'].length >= 2)).toBe(true);
    expect(faqs.some((f) => f['howto'].length > 0)).toBe(true);
    const sources = faqs.flatMap((f) => f['sources'] as { url?: string }[]);
    expect(sources.some((s) => s.url)).toBe(true);
    expect(sources.some((s) => !s.url)).toBe(true);
    expect(faqs.some((f) => f['policies'].length > 0)).toBe(true);
  });

  test('names no real URL: every link is on the reserved example.org domain', async () => {
    const text = files.map((f) => f.text).join('\n');
    const hosts = new Set([...text.matchAll(/https?:\/\/([^/\s"')]+)/g)].map((m) => m[1]));
    expect([...hosts]).toEqual(['example.org']);
    expect(await readFile(path.join(dir, 'guidelines', 'metadata.md'), 'utf8')).toBe(await readFile(path.join(guidelinesDir, 'metadata.md'), 'utf8'));
  });
});

test('refuses a corpus too small to have every kind', () => {
  expect(() => planCorpus(2)).toThrow(/≥ 3/);
});
