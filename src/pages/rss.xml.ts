/** /rss.xml — the Atom feed of content changes (src/core/publish/feed.ts). */
import type { APIRoute } from 'astro';
import { atomFeed } from '../core/publish/feed.ts';
import { listSitePages, type PageModule } from '../core/publish/routes.ts';
import { getKnowledgeBase } from '../lib/knowledge-base.ts';
import { absoluteUrl, siteConfig } from '../site-config.ts';

export const GET: APIRoute = async () => {
  const pages = new Set((await listSitePages(import.meta.glob<PageModule>('/src/pages/**/*.{astro,md,mdx}'))).paths);
  const body = atomFeed(await getKnowledgeBase(), {
    siteTitle: siteConfig.title,
    absoluteUrl: (sitePath) => absoluteUrl(sitePath),
    pageExists: (sitePath) => pages.has(sitePath),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
