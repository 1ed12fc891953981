/** /api/passages.json — see src/core/publish/api.ts for the shape. */
import type { APIRoute } from 'astro';
import { passagesApi, toJson } from '../../core/publish/api.ts';
import { getKnowledgeBase } from '../../lib/knowledge-base.ts';
import { absoluteUrl } from '../../site-config.ts';

export const GET: APIRoute = async () => {
  const body = toJson(passagesApi(await getKnowledgeBase(), (sitePath) => absoluteUrl(sitePath)));
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
