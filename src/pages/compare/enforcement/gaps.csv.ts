/** The enforcement gap report as RFC 4180 CSV: one record per resident guide, each facet's status as a code. */
import type { APIRoute } from 'astro';
import { gapDownloads } from '../../../components/analysis/enforcement-downloads.ts';
import { getKnowledgeBase } from '../../../lib/knowledge-base.ts';

export const GET: APIRoute = async () =>
  new Response(gapDownloads(await getKnowledgeBase()).csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
