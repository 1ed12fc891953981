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
 * past the cap it packs several pages into a file.
 */
import { open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

/** Pagefind's UI files: the search page loads them from the site bundle only, so state bundles drop their copies. */
const UI_FILES = /^pagefind-(component-ui|ui|modular-ui|highlight)\.(js|css)$/;

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
  /** Paths per glob (GLOB_MAX_PATHS); env KB_SEARCH_GLOB_MAX overrides it (tests index a bundle through several globs). */
  globMaxPaths?: number;
  /** Runs after each bundle is written, before its indexer process is stopped (the bench reads its memory then). */
  afterBundle?: () => Promise<void>;
}

function positiveIntFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Output HTML files ("/"-separated, relative to the site root), outside Pagefind's own folder. */
async function htmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/**
 * The start of a page: SearchMeta sits at the top of <main>, after a header of
 * ~10 KB. Reading only this much keeps the build from pulling every page
 * through memory; a page whose marker is further in is read whole.
 */
const HEAD_BYTES = 64 * 1024;

async function readIndexed(siteDir: string, file: string): Promise<IndexedPage | undefined> {
  const handle = await open(path.join(siteDir, file), 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const head = buffer.toString('utf8', 0, bytesRead);
    const page = readIndexedPage(file, head);
    if (page?.type !== undefined || bytesRead < HEAD_BYTES) return page;
  } finally {
    await handle.close();
  }
  return readIndexedPage(file, await readFile(path.join(siteDir, file), 'utf8'));
}

/** Output paths are slugs; anything else is handed to Pagefind as a file rather than in a glob. */
const GLOB_SAFE = /^[\w./-]+$/;

/**
 * Paths per glob. Pagefind refuses a glob of 8,000 alternatives ("did not parse as a valid glob"; 6,000
 * pass): the 100k site bundle has 10,000 places. Each glob walks the site once (~6 s at 100k), so the
 * groups are as large as is safe.
 */
export const GLOB_MAX_PATHS = 4_000;

/** Brace globs of the paths, at most `max` alternatives each, in order. */
export function pathGlobs(files: readonly string[], max = GLOB_MAX_PATHS): string[] {
  const globs: string[] = [];
  for (let i = 0; i < files.length; i += max) globs.push(`{${files.slice(i, i + max).join(',')}}`);
  return globs;
}

export async function indexSite(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const maxFragments = options.maxFragments ?? positiveIntFromEnv('KB_SEARCH_MAX_FRAGMENTS') ?? MAX_FRAGMENT_FILES;
  const singleMax = options.singleBundleMaxPages ?? positiveIntFromEnv('KB_SEARCH_SINGLE_BUNDLE_MAX') ?? SINGLE_BUNDLE_MAX_PAGES;
  const globMax = options.globMaxPaths ?? positiveIntFromEnv('KB_SEARCH_GLOB_MAX') ?? GLOB_MAX_PATHS;
  const pagefind = await import('pagefind');

  const indexed: IndexedPage[] = [];
  for (const file of await htmlFiles(siteDir)) {
    const page = await readIndexed(siteDir, file);
    if (page) indexed.push(page);
  }
  const bundles = planSearchBundles(indexed, singleMax);
  const result: SearchIndexResult = { indexedPages: 0, bundles: [] };
  for (const bundle of bundles) {
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments });
      if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      if (bundles.length === 1) {
        // One bundle: Pagefind walks the folder itself (it skips pages without data-pagefind-body).
        const added = await index.addDirectory({ path: siteDir });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
      } else {
        // The bundle's pages as globs of their paths: Pagefind reads them itself, none passes through Node.
        for (const glob of pathGlobs(bundle.files.filter((file) => GLOB_SAFE.test(file)), globMax)) {
          const added = await index.addDirectory({ path: siteDir, glob });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed for ${bundle.folder}: ${added.errors.join('; ')}`);
        }
        for (const file of bundle.files.filter((f) => !GLOB_SAFE.test(f))) {
          const added = await index.addHTMLFile({ sourcePath: file, content: await readFile(path.join(siteDir, file), 'utf8') });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
        }
      }
      const written = await index.writeFiles({ outputPath: path.join(siteDir, bundle.folder) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write ${bundle.folder}: ${written.errors.join('; ')}`);
      await options.afterBundle?.();
    } finally {
      // A fresh indexer process for the next bundle: memory is that of the largest bundle, not the sum.
      await pagefind.close();
    }
    if (bundle.folder !== SITE_BUNDLE_FOLDER) {
      const folder = path.join(siteDir, bundle.folder);
      for (const name of await readdir(folder)) if (UI_FILES.test(name)) await rm(path.join(folder, name));
    }
    result.bundles.push({ key: bundle.key, folder: bundle.folder, pages: bundle.files.length });
    result.indexedPages += bundle.files.length;
  }
  // Written for one bundle too ({"states":[]}), so the search page's request for it never 404s.
  const manifest = { states: bundles.filter((b) => b.key !== 'site').map((b) => b.key) };
  await writeFile(path.join(siteDir, SITE_BUNDLE_FOLDER, BUNDLES_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return result;
}
