/**
 * The content core's front door: load → validate → knowledge graph. Astro
 * pages, endpoints, the CLIs and the importers import from here.
 */
import { formatDiagnostics } from './diagnostics/format.ts';
import { buildKnowledgeBase } from './graph/build-graph.ts';
import type { KnowledgeBase } from './graph/types.ts';
import { validateContent, type ValidateOptions, type ValidationResult } from './validate.ts';

export class ContentError extends Error {
  readonly result: ValidationResult;
  constructor(result: ValidationResult) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    super(`content has ${errors.length} error(s):\n${formatDiagnostics(errors, 'text')}`);
    this.name = 'ContentError';
    this.result = result;
  }
}

/** Validates and builds the graph; throws ContentError (with every diagnostic) when content has errors. */
export async function loadKnowledgeBase(root: string, options: ValidateOptions = {}): Promise<{ kb: KnowledgeBase; validation: ValidationResult }> {
  const validation = await validateContent(root, options);
  if (!validation.ok) throw new ContentError(validation);
  return { kb: buildKnowledgeBase(validation.context), validation };
}

export { buildKnowledgeBase } from './graph/build-graph.ts';
export type * from './graph/types.ts';
export { validateContent, todayIso } from './validate.ts';
export { createHrefs, type Hrefs } from './urls.ts';
export { renderInlineText, escapeHtml, withoutCitations } from './render/inline-text.ts';
export * from './schema/index.ts';
