/**
 * The sitemap's entries: every indexable page (each page file's
 * getStaticPaths, as the build lists them) with its content date, listed once
 * per knowledge graph. /sitemap.xml and its parts (/sitemaps/<n>.xml) both
 * ask; listing runs every page's getStaticPaths again. Astro loads the
 * endpoints as separate module instances, so the memo is process-global.
 */
import { listSitePages, type PageModule } from '../core/publish/routes.ts';
import { sitemapEntries, type SitemapEntry } from '../core/publish/sitemap.ts';
import type { KnowledgeBase } from '../core/index.ts';

const KEY = Symbol.for('civic-kb.sitemap-entries');
type Holder = { [KEY]?: WeakMap<KnowledgeBase, Promise<SitemapEntry[]>> };

export function sitemapEntriesOf(kb: KnowledgeBase): Promise<SitemapEntry[]> {
  const holder = globalThis as Holder;
  const memo = (holder[KEY] ??= new WeakMap());
  let entries = memo.get(kb);
  if (!entries) {
    entries = (async () => {
      const pages = await listSitePages(import.meta.glob<PageModule>('/src/pages/**/*.{astro,md,mdx}'));
      // A page the sitemap cannot list is a build error, not a silent gap.
      if (pages.problems.length > 0) throw new Error(`sitemap.xml cannot list every page:\n${pages.problems.join('\n')}`);
      return sitemapEntries(kb, pages.paths);
    })();
    memo.set(kb, entries);
  }
  return entries;
}
