/**
 * Writes one Pagefind bundle: a fresh indexer, the bundle's pages, its files.
 * Run by search-index.ts for a one-bundle site, and by its worker threads
 * (search-bundle-worker.ts) when a large site has a bundle per state: each
 * thread loads its own copy of Pagefind's Node module, so each has its own
 * indexer process and bundles are written side by side.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { SITE_BUNDLE_FOLDER, type SearchBundle } from '../../src/core/publish/search-bundles.ts';

/** Pagefind's UI files: the search page loads them from the site bundle only, so state bundles drop their copies. */
const UI_FILES = /^pagefind-(component-ui|ui|modular-ui|highlight)\.(js|css)$/;

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

export interface BundleJob {
  siteDir: string;
  bundle: SearchBundle;
  /** True when the site has this bundle only: Pagefind walks the folder itself. */
  only: boolean;
  maxFragments: number;
  globMaxPaths: number;
}

/** Indexes and writes one bundle. `beforeClose` runs once it is written, while its indexer still runs (the bench reads its memory then). */
export async function writeBundle(job: BundleJob, beforeClose?: () => Promise<void>): Promise<void> {
  const { siteDir, bundle } = job;
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments: job.maxFragments });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    if (job.only) {
      // One bundle: Pagefind walks the folder itself (it skips pages without data-pagefind-body).
      const added = await index.addDirectory({ path: siteDir });
      if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    } else {
      // The bundle's pages as globs of their paths: Pagefind reads them itself, none passes through Node.
      for (const glob of pathGlobs(bundle.files.filter((file) => GLOB_SAFE.test(file)), job.globMaxPaths)) {
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
