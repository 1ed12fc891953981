/**
 * The build's two ways of using more cores write the same site as the plain
 * build, byte for byte: pages split over processes (KB_BUILD_SHARDS,
 * scripts/lib/astro-build.ts) — every page once, the sitemap and feed listing
 * every page whichever process wrote them, the search index alike — and bodies
 * rendered ahead on a worker thread (src/core/render/render-ahead.ts), which the
 * plain build here turns off (KB_RENDER_AHEAD=off). Both write search bundles per
 * state (forced past 50 pages): the plain build one at a time, the other two at
 * once (KB_SEARCH_THREADS, scripts/lib/search-index.ts). Built from the Sunlight sample (when present) and the analysis
 * fixture, which have policies in parts, paged lists and version pages — the
 * groups a shard must keep together.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeAnalysisFixture } from '../core/analysis/fixture.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { importSunlightSample, sunlightSamplePresent } from '../support/sunlight-sample.ts';

const samplePresent = sunlightSamplePresent;

let contentDir: string;
let one: SiteBuild;
let three: SiteBuild;

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'kb-sharded-'));
  if (samplePresent) {
    importSunlightSample(contentDir);
  }
  await writeAnalysisFixture({}, contentDir);
  // One after the other: each build uses the machine's cores.
  const env = { KB_TODAY: '2026-01-15', KB_SEARCH_SINGLE_BUNDLE_MAX: '50' };
  one = await buildSite(contentDir, { env: { ...env, KB_BUILD_SHARDS: '1', KB_RENDER_AHEAD: 'off', KB_SEARCH_THREADS: '1' } });
  three = await buildSite(contentDir, { env: { ...env, KB_BUILD_SHARDS: '3', KB_SEARCH_THREADS: '2' } });
}, 600_000);

afterAll(async () => {
  await one?.cleanup();
  await three?.cleanup();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

test('three processes, rendering bodies ahead, write the same files as one rendering each body with its page', async () => {
  expect(one.ok, one.output).toBe(true);
  expect(three.ok, three.output).toBe(true);
  expect(one.output).toContain('(one process,');
  expect(one.output).toContain('bodies:   rendered with their pages (render-ahead off)');
  expect(three.output).toContain('(3 processes at once,');
  expect(Number(/bodies: +(\d+) rendered ahead on a worker thread/.exec(three.output)?.[1])).toBeGreaterThan(0);
  const expected = await files(one.outDir);
  expect(expected.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(samplePresent ? 400 : 100);
  expect(expected.some((f) => /^policies\/[^/]+\/part-2\/index\.html$/.test(f)) || !samplePresent, 'a policy in parts').toBe(true);
  const bundles = JSON.parse(await readFile(path.join(one.outDir, 'pagefind', 'bundles.json'), 'utf8')) as { states: string[] };
  expect(bundles.states.length, 'search bundles per state').toBeGreaterThan(2);
  expect(await files(three.outDir)).toEqual(expected);
  const differing: string[] = [];
  for (const file of expected) {
    const [a, b] = await Promise.all([readFile(path.join(one.outDir, file)), readFile(path.join(three.outDir, file))]);
    if (!a.equals(b)) differing.push(file);
  }
  expect(differing).toEqual([]);
});
