/**
 * Writes one Pagefind bundle: a fresh indexer, the bundle's pages, its files.
 * Run by search-index.ts for a one-bundle site, and by its worker threads
 * (search-bundle-worker.ts) when a large site has a bundle per state: each
 * thread loads its own copy of Pagefind's Node module, so each has its own
 * indexer process and bundles are written side by side.
 */
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SITE_BUNDLE_FOLDER, type SearchBundle } from '../../src/core/publish/search-bundles.ts';
import { eachAtOnce } from './at-once.ts';
import { closeChunkGaps } from './pagefind-chunk-ranges.ts';

/** Pagefind's UI files: the search page loads them from the site bundle only, so state bundles drop their copies. */
const UI_FILES = /^pagefind-(component-ui|ui|modular-ui|highlight)\.(js|css)$/;

/**
 * A bundle's pages are hard-linked into a folder of their own, inside the site (so on its file system),
 * and Pagefind walks that folder: its paths, so its URLs, are the pages' own. Handed the whole site with a
 * glob of the bundle's paths instead, Pagefind walked every file of the site for each glob — 0.8 s a bundle
 * at 10k, ~6 s at 100k, 37 bundles — half of what indexing took. The folder goes once the bundle is written.
 */
const PAGE_LINKS_PREFIX = '.pagefind-pages-';
/** Pagefind's setting for the word locations in one index chunk (pagefind/src/options.rs, since 1.5). */
const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Links (or folders) made at once. */
const LINKS_AT_ONCE = 64;
/** Where a hard link cannot be made (a file system without them), the page is copied. */
const NO_HARD_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

export interface BundleJob {
  siteDir: string;
  bundle: SearchBundle;
  /** True when the site has this bundle only: Pagefind walks the site itself. */
  only: boolean;
  maxFragments: number;
  /** Word locations per index chunk (Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; its default is 20,000). */
  chunkLocations: number;
}

/** The bundle's pages, linked under `into` at their paths in the site. */
async function linkPages(siteDir: string, files: readonly string[], into: string): Promise<void> {
  const folders = [...new Set(files.map((file) => path.posix.dirname(file)))];
  await eachAtOnce(folders, LINKS_AT_ONCE, async (folder) => {
    await mkdir(path.join(into, folder), { recursive: true });
  });
  await eachAtOnce(files, LINKS_AT_ONCE, async (file) => {
    const from = path.join(siteDir, file);
    const to = path.join(into, file);
    try {
      await link(from, to);
    } catch (error) {
      if (!NO_HARD_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await copyFile(from, to);
    }
  });
}

/** Removes the page links of every bundle (left behind only when indexing was stopped half-way). */
export async function removeBundlePageLinks(siteDir: string): Promise<void> {
  for (const name of await readdir(siteDir)) {
    if (name.startsWith(PAGE_LINKS_PREFIX)) await rm(path.join(siteDir, name), { recursive: true, force: true });
  }
}

/** Runs `start` (which starts Pagefind's indexer process: it reads its settings then) with the chunk size set. */
async function withChunkSize<T>(locations: number, start: () => Promise<T>): Promise<T> {
  const before = process.env[CHUNK_SIZE_ENV];
  process.env[CHUNK_SIZE_ENV] = String(locations);
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env[CHUNK_SIZE_ENV];
    else process.env[CHUNK_SIZE_ENV] = before;
  }
}

/** Indexes and writes one bundle. `beforeClose` runs once it is written, while its indexer still runs (the bench reads its memory then). */
export async function writeBundle(job: BundleJob, beforeClose?: () => Promise<void>): Promise<void> {
  const { siteDir, bundle } = job;
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await withChunkSize(job.chunkLocations, () =>
      pagefind.createIndex({ forceLanguage: 'en', maxFragments: job.maxFragments }),
    );
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    // Pagefind reads the pages itself, none passes through Node: the whole site when it is one bundle (it
    // skips pages without data-pagefind-body), else the bundle's pages linked into a folder of their own.
    const links = job.only ? undefined : path.join(siteDir, `${PAGE_LINKS_PREFIX}${bundle.key}`);
    try {
      if (links) await linkPages(siteDir, bundle.files, links);
      const added = await index.addDirectory({ path: links ?? siteDir });
      if (added.errors.length > 0) throw new Error(`Pagefind indexing failed for ${bundle.folder}: ${added.errors.join('; ')}`);
      if (links && added.page_count !== bundle.files.length) {
        throw new Error(`Pagefind indexed ${added.page_count} of the ${bundle.files.length} pages of ${bundle.folder}`);
      }
      const written = await index.writeFiles({ outputPath: path.join(siteDir, bundle.folder) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write ${bundle.folder}: ${written.errors.join('; ')}`);
      await closeChunkGaps(path.join(siteDir, bundle.folder));
    } finally {
      if (links) await rm(links, { recursive: true, force: true });
    }
    await beforeClose?.();
  } finally {
    // A fresh indexer process for the next bundle: memory is that of the largest bundle, not the sum.
    await pagefind.close();
  }
  if (bundle.folder !== SITE_BUNDLE_FOLDER) {
    const folder = path.join(siteDir, bundle.folder);
    for (const name of await readdir(folder)) if (UI_FILES.test(name)) await rm(path.join(folder, name));
  }
}
