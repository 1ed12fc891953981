/** The enforcement gap report as JSON: status labels, counts per facet and per state, and every guide's facets. */
import type { APIRoute } from 'astro';
import { gapDownloads } from '../../components/analysis/enforcement-downloads.ts';
import { getKnowledgeBase } from '../../lib/knowledge-base.ts';

export const GET: APIRoute = async () =>
  new Response(gapDownloads(await getKnowledgeBase()).json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
