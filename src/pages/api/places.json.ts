/** /api/places.json — see src/core/publish/api.ts for the shape. */
import type { APIRoute } from 'astro';
import { placesApi, toJson } from '../../core/publish/api.ts';
import { getKnowledgeBase } from '../../lib/knowledge-base.ts';
import { absoluteUrl } from '../../site-config.ts';

export const GET: APIRoute = async () => {
  const body = toJson(placesApi(await getKnowledgeBase(), (sitePath) => absoluteUrl(sitePath)));
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
