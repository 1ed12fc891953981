/**
 * A body to render, as plain data: what the knowledge graph renders on its own
 * thread and what the render-ahead worker (render-worker.ts) renders on
 * another. One function runs both, so a body renders the same wherever it is
 * rendered.
 */
import { scanSpans } from '../passages/scan-spans.ts';
import { renderBody, renderBodyParts, type RenderedBody } from './render-body.ts';
import { splitSpansAtBlocks } from './split-spans.ts';

export type RenderJob =
  /** A page's whole body (guides, places, offices, guidelines); `sources` are the source numbers `[n]` may link to. */
  | { type: 'body'; body: string; sources?: readonly number[] | undefined }
  /** A policy's text in parts, cut at `sourceCuts` (from planPolicyParts). */
  | { type: 'parts'; body: string; sourceCuts: readonly number[] };

export type RenderResult = RenderedBody | RenderedBody[];

export function runRenderJob(job: RenderJob, knownCodes: ReadonlySet<string>): RenderResult {
  if (job.type === 'body') return renderBody(job.body, knownCodes, { sources: job.sources ? new Set(job.sources) : undefined });
  return renderBodyParts(job.body, knownCodes, job.sourceCuts, splitSpansAtBlocks(job.body, scanSpans(job.body), knownCodes));
}
