/**
 * Reproducible builds: the same content, checked out in two different folders
 * and built into two different output folders with KB_TODAY pinned (the
 * second in another time zone and locale), gives
 * byte-identical sites (HTML, feeds, JSON, CSV, CSS/JS bundles, the Pagefind
 * index). Dates in feeds and sitemaps come from the content, never from the
 * day of the build.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateContent } from '../../src/core/validate.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { repoRoot } from '../support/repo-root.ts';
import { makeContentDir, writeFiles } from './hostile-content.ts';
import { VALID_FILES } from '../support/content-fixture.ts';

/** A day no content file names (so a date that leaks from KB_TODAY is visible). */
const PINNED_TODAY = '2027-02-03';

async function treeHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return hashes;
}

/** content/ when it has policies or FAQs, plus the fixture's Springfield files (a policy and an FAQ either way). */
async function contentCopy(): Promise<string> {
  const root = await makeContentDir(true);
  await cp(path.join(repoRoot, 'content'), root, { recursive: true });
  await writeFiles(root, VALID_FILES);
  return root;
}

describe('two builds of the same content', () => {
  const folders: string[] = [];
  let builds: SiteBuild[];
  let hashes: Map<string, string>[];

  beforeAll(async () => {
    const first = await contentCopy();
    folders.push(first);
    const second = await makeContentDir(true);
    folders.push(second);
    await cp(first, second, { recursive: true });
    const validation = await validateContent(first, { today: PINNED_TODAY });
    if (!validation.ok) throw new Error(`the content to build has errors:\n${JSON.stringify(validation.diagnostics.filter((d) => d.severity === 'error'), null, 1)}`);
    // The second build plays another machine: a time zone a day ahead of UTC and a German locale.
    builds = await Promise.all([
      buildSite(first, { env: { KB_TODAY: PINNED_TODAY, TZ: 'UTC' } }),
      buildSite(second, { env: { KB_TODAY: PINNED_TODAY, TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } }),
    ]);
    for (const build of builds) if (!build.ok) throw new Error(`build failed:\n${build.output}`);
    hashes = await Promise.all(builds.map((build) => treeHashes(build.outDir)));
  });

  afterAll(async () => {
    await Promise.all((builds ?? []).map((build) => build.cleanup()));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  test('hold the same files, byte for byte', () => {
    const [a, b] = hashes as [Map<string, string>, Map<string, string>];
    console.log(`[reproducible] ${a.size} files compared`);
    expect(a.size).toBeGreaterThan(50);
    expect([...b.keys()].filter((file) => !a.has(file))).toEqual([]);
    expect([...a.keys()].filter((file) => !b.has(file))).toEqual([]);
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  test('include the search index and the bundles (what could differ does get compared)', () => {
    const files = [...hashes[0]!.keys()];
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(files.some((f) => f.startsWith('_astro/'))).toBe(true);
    expect(files.some((f) => /\.(xml|json)$/.test(f))).toBe(true);
  });

  test('date feeds and sitemaps only with dates the content gives, never the build day', async () => {
    const validation = await validateContent(folders[0]!, { today: PINNED_TODAY });
    const contentDates = new Set<string>();
    const collect = (value: unknown) => {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) contentDates.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const doc of validation.documents) collect(doc.data);
    const machineToday = new Date().toISOString().slice(0, 10);
    const feeds = [...hashes[0]!.keys()].filter((f) => /\.(xml|rss|atom)$/.test(f));
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) {
      const text = await readFile(path.join(builds[0]!.outDir, feed), 'utf8');
      const dates = new Set([...text.matchAll(/\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z?)?\b/g)].map((m) => m[1]!));
      // RFC 822 dates (RSS pubDate) too: "Sun, 15 Mar 2016 00:00:00 GMT".
      for (const m of text.matchAll(/\b\w{3}, (\d{2} \w{3} \d{4}) \d{2}:\d{2}:\d{2} GMT\b/g)) dates.add(new Date(`${m[1]} UTC`).toISOString().slice(0, 10));
      const foreign = [...dates].filter((date) => !contentDates.has(date));
      expect(foreign, `${feed} has dates no content gives`).toEqual([]);
      expect(dates.has(PINNED_TODAY), `${feed} carries KB_TODAY`).toBe(false);
      if (!contentDates.has(machineToday)) expect(dates.has(machineToday), `${feed} carries the build day`).toBe(false);
    }
  });
});
