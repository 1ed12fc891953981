/**
 * sitemap.xml: every indexable page of the site (listed by routes.ts, the way
 * the build lists them), in path order, with <lastmod> where the graph dates
 * the page — a policy's adoption date, an FAQ's last review. Never a date from
 * the build clock: the file must be the same byte for byte when the content is.
 */
import type { KnowledgeBase } from '../graph/types.ts';
import { createHrefs } from '../urls.ts';
import type { AbsoluteUrl } from './json-ld.ts';
import { escapeXml } from './xml.ts';

const paths = createHrefs('/');

export interface SitemapEntry {
  /** Site path without the base, e.g. "/faqs/independence-mo/open-data/". */
  path: string;
  /** YYYY-MM-DD, only when the content dates the page. */
  lastmod?: string;
}

/** Content dates of the graph's dated pages, by site path. */
export function contentDates(kb: KnowledgeBase): Map<string, string> {
  const dates = new Map<string, string>();
  for (const p of kb.policies) {
    const date = p.doc.data.date;
    if (!date) continue;
    // Every part of a long text is as old as the policy.
    for (let part = 1; part <= kb.policyParts(p.id).cuts.length + 1; part++) dates.set(paths.policyPart(p.id, part), date);
  }
  for (const f of kb.faqs) dates.set(paths.faq(f.id), f.doc.data.last_reviewed);
  return dates;
}

/** One entry per page path, sorted by path. */
export function sitemapEntries(kb: KnowledgeBase, pagePaths: readonly string[]): SitemapEntry[] {
  const dates = contentDates(kb);
  return [...new Set(pagePaths)].sort().map((path) => {
    const lastmod = dates.get(path);
    return lastmod ? { path, lastmod } : { path };
  });
}

/** The sitemaps.org XML for the entries. */
export function sitemapXml(entries: readonly SitemapEntry[], absoluteUrl: AbsoluteUrl): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : '';
    return `  <url><loc>${escapeXml(absoluteUrl(e.path))}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** The sitemaps.org limit on URLs in one sitemap file (the 100k site has ~270,000 pages). */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * The entries as the files that list them: one part while they fit in one
 * sitemap, else consecutive parts of at most `max`, each its own file under a
 * sitemap index.
 */
export function sitemapParts(entries: readonly SitemapEntry[], max = SITEMAP_MAX_URLS): SitemapEntry[][] {
  const parts: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += max) parts.push(entries.slice(i, i + max));
  return parts.length ? parts : [[]];
}

/** Site path of the n-th (1-based) part of a sitemap too large for one file. */
export function sitemapPartPath(n: number): string {
  return `/sitemaps/${n}.xml`;
}

/** The sitemaps.org index of the parts, at /sitemap.xml when the site needs more than one file. */
export function sitemapIndexXml(parts: number, absoluteUrl: AbsoluteUrl): string {
  const sitemaps = Array.from({ length: parts }, (_, i) => `  <sitemap><loc>${escapeXml(absoluteUrl(sitemapPartPath(i + 1)))}</loc></sitemap>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...sitemaps, '</sitemapindex>', ''].join('\n');
}
