/**
 * /sitemap.xml — every indexable page, listed the way the build lists them
 * (each page file's getStaticPaths; src/core/publish/routes.ts), dated from
 * the graph where the content gives a date.
 */
import type { APIRoute } from 'astro';
import { listSitePages, type PageModule } from '../core/publish/routes.ts';
import { sitemapEntries, sitemapXml } from '../core/publish/sitemap.ts';
import { getKnowledgeBase } from '../lib/knowledge-base.ts';
import { absoluteUrl } from '../site-config.ts';

export const GET: APIRoute = async () => {
  const pages = await listSitePages(import.meta.glob<PageModule>('/src/pages/**/*.{astro,md,mdx}'));
  // A page the sitemap cannot list is a build error, not a silent gap.
  if (pages.problems.length > 0) throw new Error(`sitemap.xml cannot list every page:\n${pages.problems.join('\n')}`);
  const body = sitemapXml(sitemapEntries(await getKnowledgeBase(), pages.paths), (sitePath) => absoluteUrl(sitePath));
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
