/** /sitemaps/<n>.xml — the parts of a sitemap too large for one file (none on a site under 50,000 pages). */
import type { APIRoute } from 'astro';
import { sitemapParts, sitemapXml } from '../../core/publish/sitemap.ts';
import { getKnowledgeBase } from '../../lib/knowledge-base.ts';
import { sitemapEntriesOf } from '../../lib/site-pages.ts';
import { absoluteUrl } from '../../site-config.ts';
import { inBuildShard, type ListingOptions } from '../../lib/build-shard.ts';

export async function getStaticPaths(options?: ListingOptions) {
  const parts = sitemapParts(await sitemapEntriesOf(await getKnowledgeBase()));
  return inBuildShard(options, parts.length === 1 ? [] : parts.map((_, i) => ({ params: { n: String(i + 1) } })));
}

export const GET: APIRoute = async ({ params }) => {
  const parts = sitemapParts(await sitemapEntriesOf(await getKnowledgeBase()));
  const part = parts[Number(params.n) - 1];
  if (!part) throw new Error(`no sitemap part ${params.n}`);
  return new Response(sitemapXml(part, (sitePath) => absoluteUrl(sitePath)), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
