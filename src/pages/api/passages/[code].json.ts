/** /api/passages/<code>.json — one guideline's passages; see src/core/publish/api.ts for the shape. */
import type { APIRoute } from 'astro';
import { guidelinePassagesApi, toJson } from '../../../core/publish/api.ts';
import { getKnowledgeBase } from '../../../lib/knowledge-base.ts';
import { absoluteUrl } from '../../../site-config.ts';
import { inBuildShard, type ListingOptions } from '../../../lib/build-shard.ts';

export async function getStaticPaths(options?: ListingOptions) {
  const kb = await getKnowledgeBase();
  return inBuildShard(options, kb.guidelines.map((g) => ({ params: { code: g.code } })));
}

export const GET: APIRoute = async ({ params }) => {
  const body = toJson(guidelinePassagesApi(await getKnowledgeBase(), params.code!, (sitePath) => absoluteUrl(sitePath)));
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
