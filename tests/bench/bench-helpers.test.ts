/** The bench's readers: GNU time's report, linked stylesheets, page weights, budgets. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkBudgets } from '../../src/bench/budgets.ts';
import { linkedStylesheets, measureOutput } from '../../src/bench/measure-output.ts';
import { parseClock, parseTimeReport } from '../../src/bench/time-report.ts';

describe('GNU time -v report', () => {
  test.each([
    ['0:03.21', 3.21],
    ['2:03.50', 123.5],
    ['1:00:00', 3600],
  ])('clock %s is %d s', (clock, seconds) => {
    expect(parseClock(clock)).toBeCloseTo(seconds, 5);
  });

  test('peak RSS and wall time are read from the report', () => {
    const stderr = [
      'some output of the command',
      '\tCommand being timed: "node x.ts"',
      '\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50',
      '\tMaximum resident set size (kbytes): 204800',
      '\tExit status: 0',
    ].join('\n');
    expect(parseTimeReport(stderr)).toEqual({ maxRssBytes: 204800 * 1024, wallSeconds: 62.5, exitStatus: 0 });
    expect(parseTimeReport('no report here')).toBeUndefined();
  });
});

describe('page weights', () => {
  test('stylesheet links are found whatever the attribute order; others are not', () => {
    const html = '<link rel="stylesheet" href="/_astro/a.css"><link href="/_astro/b.css" rel=stylesheet><link rel="icon" href="/f.svg"><link rel="stylesheet" href="https://cdn.example.org/x.css">';
    expect(linkedStylesheets(html)).toEqual(['/_astro/a.css', '/_astro/b.css']);
  });

  test('a page weighs its HTML plus each linked stylesheet once; Pagefind files and folders are counted', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-bench-out-test-'));
    try {
      await mkdir(path.join(dir, '_astro'), { recursive: true });
      await mkdir(path.join(dir, 'big'), { recursive: true });
      await mkdir(path.join(dir, 'pagefind', 'fragment'), { recursive: true });
      await writeFile(path.join(dir, '_astro', 'site.css'), 'x'.repeat(10_000));
      await writeFile(path.join(dir, 'index.html'), '<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/_astro/site.css">small');
      await writeFile(path.join(dir, 'big', 'index.html'), `<link rel="stylesheet" href="/_astro/site.css">${'y'.repeat(35_000)}`);
      for (const n of [1, 2, 3]) await writeFile(path.join(dir, 'pagefind', 'fragment', `${n}.pf_fragment`), 'zz');
      const stats = await measureOutput(dir, { pageLimitBytes: 40 * 1024 });
      expect(stats.pages).toBe(2);
      expect(stats.pagesOverLimit).toBe(1);
      expect(stats.overLimitBySection).toEqual({ big: 1 });
      expect(stats.largestPages[0]).toMatchObject({ page: 'big/index.html', cssBytes: 10_000 });
      expect(stats.largestPages[1]!.cssBytes).toBe(10_000);
      expect(stats.pagefindFiles).toBe(3);
      expect(stats.pagefindBytes).toBe(6);
      expect(stats.mostFiles).toEqual({ folder: path.join('pagefind', 'fragment'), files: 3 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('budgets', () => {
  const phase = (name: string, wallSeconds: number, gb: number) => ({ phase: name, wallSeconds, maxRssBytes: gb * 1024 ** 3, ok: true });

  test('10k: validate, build + index and memory are each judged against their limit', () => {
    const checks = checkBudgets({ docs: 10_000, phases: [phase('validate', 4, 0.5), phase('astro', 50, 1.5), phase('pagefind', 15, 2.5)] });
    expect(checks.map((c) => [c.budget, c.met])).toEqual([
      ['validate (10k)', true],
      ['build + index (10k)', false],
      ['peak RSS (10k)', false],
    ]);
  });

  test('10k search: 150 KB for a first query and 30 KB for a later one, each checked on its own', () => {
    const checks = checkBudgets({ docs: 10_000, phases: [], search: { firstQueryBytes: 150 * 1024, laterQueryBytes: 30 * 1024 + 1 } });
    expect(checks.filter((c) => c.budget.includes('search')).map((c) => [c.budget, c.measured, c.met])).toEqual([
      ['first search query (10k)', '150.0 KB', true],
      ['later search query (10k)', '30.0 KB', false],
    ]);
  });

  test('100k: ten minutes and 6 GB; a failed build never meets its budget', () => {
    const checks = checkBudgets({ docs: 100_000, phases: [phase('astro', 300, 5), { ...phase('pagefind', 10, 1), ok: false }], fullestFolderFiles: 25_000 });
    expect(checks.map((c) => [c.budget, c.met])).toEqual([
      ['build + index (100k)', false],
      ['peak RSS (100k)', true],
      ['files in one output folder', false],
    ]);
  });
});
