/**
 * Indexes a built site with Pagefind's Node API. Used by scripts/build.ts and
 * by the bench's pagefind phase, so the bench measures what the build does.
 *
 * Pagefind writes one fragment file per indexed page into a single folder
 * (pagefind/fragment/); the budget allows no output folder over 20,000
 * files. Pagefind 1.6's maxFragments caps that folder: past the cap it packs
 * several pages' fragments into shared files, which a result then fetches whole
 * (a later query transfers a little more). Below the cap nothing changes.
 */
import path from 'node:path';

/** Fragment files Pagefind may write; leaves room under 20,000 for anything else in the folder. */
export const MAX_FRAGMENT_FILES = 18_000;

export interface SearchIndexResult {
  /** Pages in the index (those whose <main> carries data-pagefind-body). */
  indexedPages: number;
}

export interface SearchIndexOptions {
  /** Default MAX_FRAGMENT_FILES; env KB_SEARCH_MAX_FRAGMENTS overrides it (the browser tests force packed fragments on a small site). */
  maxFragments?: number;
  /** Runs after the index is written, before the indexer process is stopped (the bench reads its memory then). */
  beforeClose?: () => Promise<void>;
}

function maxFragmentsFromEnv(): number | undefined {
  const raw = process.env['KB_SEARCH_MAX_FRAGMENTS'];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`KB_SEARCH_MAX_FRAGMENTS must be a positive integer, got "${raw}"`);
  return value;
}

/** Indexes `siteDir` into `siteDir`/pagefind/. Throws with Pagefind's messages when it fails. */
export async function indexSite(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const maxFragments = options.maxFragments ?? maxFragmentsFromEnv() ?? MAX_FRAGMENT_FILES;
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await options.beforeClose?.();
    return { indexedPages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
