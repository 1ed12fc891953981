/**
 * The site's binding to the content core: the knowledge graph, built once per
 * build (or per content change in dev) from KB_CONTENT_DIR, and the href
 * functions with the site's base path. Pages import from here and never read
 * content/.
 */
import { buildKnowledgeBase, ContentError, createHrefs, type KnowledgeBase } from '../core/index.ts';
import { siteConfig } from '../site-config.ts';
import { sharedValidation } from './shared-validation.ts';
import { shardedBuild } from './build-shard.ts';

const graphs = new WeakMap<object, KnowledgeBase>();

/** The knowledge graph. Throws ContentError (every diagnostic, file:line) when content has errors. */
export async function getKnowledgeBase(): Promise<KnowledgeBase> {
  const validation = await sharedValidation();
  if (!validation.ok) throw new ContentError(validation);
  let kb = graphs.get(validation);
  if (!kb) {
    // Set by the build (scripts/lib/astro-shard-process.ts): bodies are rendered on a second thread ahead of
    // their pages. Not in `astro dev`, which renders a page at a time as it is asked for. A build shard does
    // not prime the worker: it renders every nth group of pages, so most primed bodies would go unused.
    kb = buildKnowledgeBase(validation.context, { renderWorker: process.env['KB_RENDER_WORKER'] || undefined, primeRenderAhead: !shardedBuild });
    graphs.set(validation, kb);
  }
  return kb;
}

/** Links, with BASE_PATH: use in href attributes. */
export const hrefs = createHrefs(siteConfig.base);
/** Site paths without the base: use for BaseLayout's canonicalPath and breadcrumbs. */
export const paths = createHrefs('/');
