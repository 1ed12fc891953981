/**
 * /data.json — DCAT-US 1.1 catalog of the downloads under /api/
 * (src/core/publish/dcat.ts). The downloads are the endpoint files that exist.
 */
import type { APIRoute } from 'astro';
import { toJson } from '../core/publish/api.ts';
import { dataCatalog } from '../core/publish/dcat.ts';
import { getKnowledgeBase } from '../lib/knowledge-base.ts';
import { absoluteUrl, siteConfig } from '../site-config.ts';

/** "/src/pages/api/faqs.json.ts" → "faqs.json". */
const downloads = Object.keys(import.meta.glob('/src/pages/api/*.ts'))
  .map((file) => file.slice(file.lastIndexOf('/') + 1).replace(/\.ts$/, ''))
  .filter((name) => /\.[a-z]+$/.test(name))
  .sort();

export const GET: APIRoute = async () => {
  const body = toJson(
    dataCatalog(await getKnowledgeBase(), {
      downloads,
      absoluteUrl: (sitePath) => absoluteUrl(sitePath),
      publisher: siteConfig.title,
      // No LICENSE file in the repository yet: the catalog states none rather than assume one.
      license: undefined,
    }),
  );
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
