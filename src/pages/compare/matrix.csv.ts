/** The place × guideline matrix as RFC 4180 CSV: place_id, place_name, state, then one column a guideline code. */
import type { APIRoute } from 'astro';
import { matrixDownloads } from '../../components/compare/downloads.ts';
import { getKnowledgeBase } from '../../lib/knowledge-base.ts';

export const GET: APIRoute = async () =>
  new Response(matrixDownloads(await getKnowledgeBase()).csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
