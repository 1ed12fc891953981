/**
 * Indexes a built site with Pagefind's Node API. Used by scripts/build.ts and
 * by the bench's pagefind phase, so the bench measures what the build does.
 *
 * Small sites get one bundle at pagefind/. Past SINGLE_BUNDLE_MAX_PAGES indexed
 * pages the site bundle and one bundle per state are written, each by a fresh
 * indexer process (Pagefind keeps a whole index in memory until it is written),
 * and pagefind/bundles.json names the state bundles for the search page
 * (src/core/publish/search-bundles.ts explains why).
 *
 * Every bundle caps its fragment files (maxFragments): Pagefind writes one per
 * page into a single folder, and no output folder may hold over 20,000 files;
 * past the cap it packs several pages into a file. Bundles are written two at
 * a time, each by a worker thread (search-bundle.ts).
 */
import { open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { eachAtOnce } from './at-once.ts';
import { removeBundlePageLinks, writeBundle, type BundleJob } from './search-bundle.ts';
import type { FromWorker, ToWorker } from './search-bundle-worker.ts';
import {
  planSearchBundles,
  readIndexedPage,
  SINGLE_BUNDLE_MAX_PAGES,
  SITE_BUNDLE_FOLDER,
  type IndexedPage,
} from '../../src/core/publish/search-bundles.ts';

/** Fragment files a bundle may write; leaves room under 20,000 for anything else in the folder. */
export const MAX_FRAGMENT_FILES = 18_000;

/** The manifest the search page fetches: the states that have a bundle of their own (none on a small site). */
export const BUNDLES_MANIFEST = 'bundles.json';

/**
 * Word locations per index chunk. A query fetches the chunk of each of its words: at Pagefind's default
 * (20,000) a chunk weighed 16–27 KB at 10k documents, and a later query of two new words up to 63 KB in the
 * largest state; at 1,500 the largest of eight was 27.8 KB there (29.2 KB at 2,500), under the 30 KB budget.
 * Smaller gains little: a word with more locations than this gets a chunk of its own anyway (wall 17 in
 * docs/scale.md). Env PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE overrides it (the bench's A/B).
 */
export const INDEX_CHUNK_LOCATIONS = 1_500;

/** Bundles written at once by default: two kept this 2-core machine busy (three were no faster). */
export const SEARCH_THREADS = 2;

export interface SearchIndexResult {
  /** Pages in the index, over all bundles. */
  indexedPages: number;
  bundles: { key: string; folder: string; pages: number }[];
}

export interface SearchIndexOptions {
  /** Fragment-file cap per bundle; env KB_SEARCH_MAX_FRAGMENTS overrides the default (tests force packing on a small site). */
  maxFragments?: number;
  /** One bundle up to this many indexed pages; env KB_SEARCH_SINGLE_BUNDLE_MAX overrides the default (tests force state bundles). */
  singleBundleMaxPages?: number;
  /** Runs after each bundle is written, before its indexer process is stopped (the bench reads its memory then). */
  afterBundle?: () => Promise<void>;
  /** Bundles written at once, each by its own thread and indexer; env KB_SEARCH_THREADS overrides the default (SEARCH_THREADS). */
  threads?: number;
  /** Word locations per index chunk; env PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE overrides the default (INDEX_CHUNK_LOCATIONS). */
  chunkLocations?: number;
}

function positiveIntFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Folders listed at once while looking for the site's pages. */
const LIST_READS = 32;

/**
 * Output HTML files ("/"-separated, relative to the site root), outside Pagefind's own folder, sorted.
 * Listed a level at a time, LIST_READS folders at once: readdir's own recursive listing reads one folder
 * after another (1.8 s for the 10k site's 87,000 entries).
 */
async function htmlFiles(siteDir: string): Promise<string[]> {
  const files: string[] = [];
  for (let level = ['']; level.length > 0; ) {
    const next: string[] = [];
    await eachAtOnce(level, LIST_READS, async (folder) => {
      for (const entry of await readdir(path.join(siteDir, folder), { withFileTypes: true })) {
        const relative = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (relative !== 'pagefind') next.push(relative);
        } else if (entry.isFile() && entry.name.endsWith('.html')) files.push(relative);
      }
    });
    level = next;
  }
  return files.sort();
}

/**
 * The start of a page: <main> opens 4–7 KB in, after the header, and SearchMeta
 * sits at its top. Reading only this much keeps the scan from pulling every
 * page through memory; a page whose marker is further in is read whole.
 */
const HEAD_BYTES = 16 * 1024;
/** Pages read at once while looking for the indexed ones. */
const SCAN_READS = 32;
/** The <main> start tag, whole: a page whose head has it without data-pagefind-body is not indexed. */
const MAIN_TAG = /<main\b[^>]*>/;

async function readIndexed(siteDir: string, file: string): Promise<IndexedPage | undefined> {
  const handle = await open(path.join(siteDir, file), 'r');
  try {
    // Not zero-filled: only the bytes read are looked at.
    const buffer = Buffer.allocUnsafe(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const head = buffer.toString('utf8', 0, bytesRead);
    const page = readIndexedPage(file, head);
    if (page?.type !== undefined || bytesRead < HEAD_BYTES) return page;
    if (!page && MAIN_TAG.test(head)) return undefined;
  } finally {
    await handle.close();
  }
  return readIndexedPage(file, await readFile(path.join(siteDir, file), 'utf8'));
}

export async function indexSite(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const maxFragments = options.maxFragments ?? positiveIntFromEnv('KB_SEARCH_MAX_FRAGMENTS') ?? MAX_FRAGMENT_FILES;
  const singleMax = options.singleBundleMaxPages ?? positiveIntFromEnv('KB_SEARCH_SINGLE_BUNDLE_MAX') ?? SINGLE_BUNDLE_MAX_PAGES;
  const concurrency = options.threads ?? positiveIntFromEnv('KB_SEARCH_THREADS') ?? SEARCH_THREADS;
  const chunkLocations = options.chunkLocations ?? positiveIntFromEnv('PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE') ?? INDEX_CHUNK_LOCATIONS;

  // Links left by an indexing that was stopped (a kept site indexed again) are not pages of the site, and
  // an earlier index of it is replaced whole: Pagefind adds its files beside any already there.
  await removeBundlePageLinks(siteDir);
  await rm(path.join(siteDir, SITE_BUNDLE_FOLDER), { recursive: true, force: true });
  // Files are read SCAN_READS at a time (one after another, the 10k site's 32,000 pages took 3.9 s), and
  // kept in the files' order, so the bundles do not depend on which read finished first. The whole scan
  // takes 3.5–4.5 s at 10k (the listing 0.9–1.7 s of it) and ≈ 31 s at 100k (8.8 s), before any bundle.
  const files = await htmlFiles(siteDir);
  const pages: (IndexedPage | undefined)[] = new Array(files.length);
  await eachAtOnce(files, SCAN_READS, async (file, i) => {
    pages[i] = await readIndexed(siteDir, file);
  });
  const indexed = pages.filter((page): page is IndexedPage => page !== undefined);
  const bundles = planSearchBundles(indexed, singleMax);
  const jobs = bundles.map((bundle): BundleJob => ({ siteDir, bundle, only: bundles.length === 1, maxFragments, chunkLocations }));
  if (jobs.length === 1) await writeBundle(jobs[0]!, options.afterBundle);
  else await writeBundlesSideBySide(jobs, Math.min(concurrency, jobs.length), options.afterBundle);
  // Written for one bundle too ({"states":[]}), so the search page's request for it never 404s.
  const manifest = { states: bundles.filter((b) => b.key !== 'site').map((b) => b.key) };
  await writeFile(path.join(siteDir, SITE_BUNDLE_FOLDER, BUNDLES_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return {
    indexedPages: bundles.reduce((n, b) => n + b.files.length, 0),
    bundles: bundles.map((b) => ({ key: b.key, folder: b.folder, pages: b.files.length })),
  };
}

const bundleWorker = new URL('./search-bundle-worker.ts', import.meta.url);

/**
 * Writes the bundles with `threads` worker threads, each taking the next bundle (largest first) when it is
 * done with one. Pagefind's indexer keeps most of a core busy, with waits on files between: two side by
 * side wrote the 10k site's 37 bundles in ~30 s instead of ~49 s.
 */
async function writeBundlesSideBySide(jobs: BundleJob[], threads: number, afterBundle?: () => Promise<void>): Promise<void> {
  const queue = [...jobs].sort((a, b) => b.bundle.files.length - a.bundle.files.length);
  const workers: Worker[] = [];
  let failure: Error | undefined;
  const runWorker = async () => {
    const worker = new Worker(bundleWorker);
    workers.push(worker);
    const next = () =>
      new Promise<FromWorker>((resolve, reject) => {
        const onMessage = (message: FromWorker) => {
          worker.off('error', reject);
          resolve(message);
        };
        worker.once('message', onMessage);
        worker.once('error', (error) => {
          worker.off('message', onMessage);
          reject(error);
        });
      });
    try {
      for (let job = queue.shift(); job && !failure; job = queue.shift()) {
        worker.postMessage({ type: 'bundle', job } satisfies ToWorker);
        let reply = await next();
        if (reply.type === 'written') {
          await afterBundle?.();
          worker.postMessage({ type: 'close' } satisfies ToWorker);
          reply = await next();
        }
        if (reply.type === 'error') throw new Error(reply.message);
      }
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, runWorker));
  if (failure) throw failure;
}
