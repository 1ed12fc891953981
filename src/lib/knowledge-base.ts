/**
 * The site's binding to the content core: the knowledge graph, built once per
 * build (or dev-server start) from KB_CONTENT_DIR, and the href functions with
 * the site's base path. Pages import from here and never read content/.
 */
import path from 'node:path';
import { createHrefs, loadKnowledgeBase, type KnowledgeBase } from '../core/index.ts';
import { siteConfig } from '../site-config.ts';

let pending: Promise<KnowledgeBase> | undefined;

/** The knowledge graph. Throws ContentError (every diagnostic, file:line) when content has errors. */
export function getKnowledgeBase(): Promise<KnowledgeBase> {
  pending ??= loadKnowledgeBase(path.resolve(siteConfig.contentDir)).then((r) => r.kb);
  return pending;
}

/** Forgets the graph so the next page rebuilds it (dev server, after a content edit). */
export function resetKnowledgeBase(): void {
  pending = undefined;
}

/** Links, with BASE_PATH: use in href attributes. */
export const hrefs = createHrefs(siteConfig.base);
/** Site paths without the base: use for BaseLayout's canonicalPath and breadcrumbs. */
export const paths = createHrefs('/');
