/** The place × guideline matrix as JSON: the guidelines, then each place with its passage counts by code. */
import type { APIRoute } from 'astro';
import { matrixDownloads } from '../../components/compare/downloads.ts';
import { getKnowledgeBase } from '../../lib/knowledge-base.ts';

export const GET: APIRoute = async () =>
  new Response(matrixDownloads(await getKnowledgeBase()).json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
