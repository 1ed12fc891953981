/**
 * The search index's word chunks (scripts/lib/search-index.ts,
 * scripts/lib/pagefind-chunk-ranges.ts), on a small site written here: the
 * chunk size the build asks for reaches Pagefind's indexer, indexing a site
 * again replaces its index whole, each chunk's word range ends where the next
 * begins, and a pf_meta in a layout this build does not know is an error that
 * names the file rather than an index rewritten blind.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeChunkGaps, readChunkRanges } from '../../scripts/lib/pagefind-chunk-ranges.ts';
import { indexSite } from '../../scripts/lib/search-index.ts';

let site: string;

/** Words enough for several chunks of a few hundred locations: each page a different run of made-up words. */
function page(n: number): string {
  const words = Array.from({ length: 400 }, (_, i) => `w${((n * 37 + i * 11) % 997).toString(36)}x${(i % 7).toString(36)}`).join(' ');
  return `<!doctype html><html lang="en"><head><title>Page ${n}</title></head><body><main data-pagefind-body=""><h1>Page ${n}</h1><p>${words}</p></main></body></html>`;
}

async function metaFile(bundle: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { hash: string } } };
  return path.join(bundle, `pagefind.${entry.languages.en.hash}.pf_meta`);
}

beforeAll(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'kb-search-chunks-'));
  for (let n = 0; n < 12; n++) {
    await mkdir(path.join(site, 'pages', String(n)), { recursive: true });
    await writeFile(path.join(site, 'pages', String(n), 'index.html'), page(n));
  }
});

afterAll(async () => {
  if (site) await rm(site, { recursive: true, force: true });
});

test('the chunk size asked for reaches the indexer, and indexing again replaces the index whole', async () => {
  // 12 pages × 400 words: 4,800 locations, one chunk at Pagefind's default (20,000).
  await indexSite(site, { chunkLocations: 1_000_000 });
  const whole = await readChunkRanges(await metaFile(path.join(site, 'pagefind')));
  expect(whole).toHaveLength(1);

  await indexSite(site, { chunkLocations: 500 });
  const bundle = path.join(site, 'pagefind');
  const chunks = await readChunkRanges(await metaFile(bundle));
  expect(chunks.length).toBeGreaterThanOrEqual(8);
  // Nothing of the first index is left beside the second: one meta file, one file per chunk it names.
  expect((await readdir(bundle)).filter((name) => name.endsWith('.pf_meta'))).toHaveLength(1);
  expect((await readdir(path.join(bundle, 'index'))).sort()).toEqual(chunks.map((c) => `${c.hash}.pf_index`).sort());
}, 60_000);

test("each chunk's word range ends where the next begins, so a word typed between them falls in one", async () => {
  await indexSite(site, { chunkLocations: 500 });
  const chunks = await readChunkRanges(await metaFile(path.join(site, 'pagefind')));
  expect(chunks.length).toBeGreaterThan(1);
  for (let i = 0; i + 1 < chunks.length; i++) {
    expect(chunks[i]!.from <= chunks[i]!.to, `chunk ${i}`).toBe(true);
    // Pagefind ends a range at the shortest prefix of its last word that the next range's start does not share,
    // so there is always a gap; its search matches a term to a chunk by from <= term <= to.
    expect(chunks[i]!.to, `chunk ${i} ends where chunk ${i + 1} begins`).toBe(chunks[i + 1]!.from);
  }
  // Rewriting again changes nothing: the ranges are closed already.
  await expect(closeChunkGaps(path.join(site, 'pagefind'))).resolves.toBe(0);
}, 60_000);

test('a pf_meta in a layout this build does not know is an error naming the file', async () => {
  const bundle = path.join(site, 'unknown-layout');
  await mkdir(bundle, { recursive: true });
  await writeFile(path.join(bundle, 'pagefind-entry.json'), JSON.stringify({ languages: { en: { hash: 'en_0000' } } }));
  // "pagefind_dcd" then a CBOR map where Pagefind 1.6 writes an array.
  await writeFile(path.join(bundle, 'pagefind.en_0000.pf_meta'), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0xa0])])));
  await expect(closeChunkGaps(bundle)).rejects.toThrow(/pagefind\.en_0000\.pf_meta: not the pf_meta layout .*the metadata array expected/);
  await writeFile(path.join(bundle, 'pagefind.en_0000.pf_meta'), gzipSync(Buffer.from('something else')));
  await expect(closeChunkGaps(bundle)).rejects.toThrow(/pagefind\.en_0000\.pf_meta: does not start with "pagefind_dcd"/);
});
