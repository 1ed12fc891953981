/** The search indexer hands Pagefind a bundle's pages as brace globs of bounded size (scripts/lib/search-index.ts). */
import { expect, test } from 'vitest';
import { GLOB_MAX_PATHS, pathGlobs } from '../../scripts/lib/search-bundle.ts';

test('paths in order, at most max a glob, every path once', () => {
  const files = Array.from({ length: 9 }, (_, i) => `places/p-${i}/index.html`);
  const globs = pathGlobs(files, 4);
  expect(globs).toHaveLength(3);
  expect(globs[2]).toBe('{places/p-8/index.html}');
  expect(globs.flatMap((g) => g.slice(1, -1).split(','))).toEqual(files);
  expect(pathGlobs([], 4)).toEqual([]);
});

test('the default stays under the 8,000 alternatives Pagefind refused at 100k documents', () => {
  expect(GLOB_MAX_PATHS).toBeLessThan(6_000);
  expect(pathGlobs(Array.from({ length: 10_100 }, (_, i) => `places/p-${i}/index.html`))).toHaveLength(3);
});
