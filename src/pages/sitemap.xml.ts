/**
 * /sitemap.xml — every indexable page, listed the way the build lists them
 * (each page file's getStaticPaths; src/core/publish/routes.ts), dated from
 * the graph where the content gives a date. Past 50,000 pages (the
 * sitemaps.org limit) it is the index of /sitemaps/<n>.xml.
 */
import type { APIRoute } from 'astro';
import { sitemapIndexXml, sitemapParts, sitemapXml } from '../core/publish/sitemap.ts';
import { getKnowledgeBase } from '../lib/knowledge-base.ts';
import { sitemapEntriesOf } from '../lib/site-pages.ts';
import { absoluteUrl } from '../site-config.ts';

export const GET: APIRoute = async () => {
  const parts = sitemapParts(await sitemapEntriesOf(await getKnowledgeBase()));
  const toUrl = (sitePath: string) => absoluteUrl(sitePath);
  const body = parts.length === 1 ? sitemapXml(parts[0]!, toUrl) : sitemapIndexXml(parts.length, toUrl);
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
