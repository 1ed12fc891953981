/**
 * Which pages the site has, worked out from its page files — the same way
 * Astro works it out — so the sitemap, the feed and the search page's browse
 * links list only addresses that exist.
 *
 * Pages are written by several people at once and new kinds appear (paged
 * lists, comparison pages); a list kept by hand, or one derived from the graph
 * alone, would drift. Instead the endpoints hand in the page modules
 * (import.meta.glob) and this module asks each dynamic page its own
 * getStaticPaths(), exactly as the build does. No Astro import: a page module
 * is just an object with an optional getStaticPaths function.
 */

/** One entry of getStaticPaths' result; only params matter here. */
export interface StaticPathEntry {
  params: Record<string, string | number | undefined>;
}

/**
 * What the listing passes getStaticPaths: Astro's two options, and `everyPage`, which a page whose
 * build is split over processes (src/lib/build-shard.ts) reads to list its pages in every shard, not
 * only those its own process renders.
 */
export interface StaticPathsOptions {
  paginate: (...args: unknown[]) => never;
  routePattern: string;
  everyPage: true;
}

/** What this module needs of a page module. */
export interface PageModule {
  getStaticPaths?: (options: StaticPathsOptions) => unknown;
}

/** A lazy module loader per page file, as import.meta.glob returns them. */
export type PageModules = Record<string, () => Promise<PageModule>>;

/**
 * Pages kept out of sitemaps and feeds: they carry noindex (error pages,
 * search results), so listing them would contradict the page itself.
 */
export const NOINDEX_PATHS: ReadonlySet<string> = new Set(['/404/', '/500/', '/search/']);

/**
 * Route segments of a page file: "/src/pages/faqs/[place]/[topic].astro" →
 * ["faqs", "[place]", "[topic]"]; "/src/pages/index.astro" → []. Undefined for
 * files that are not pages (endpoints, "_"-prefixed partials).
 */
export function routeSegments(file: string): string[] | undefined {
  const match = /(?:^|\/)src\/pages\/(.+)\.(?:astro|md|mdx)$/.exec(file);
  if (!match) return undefined;
  const segments = match[1]!.split('/');
  if (segments.some((s) => s.startsWith('_'))) return undefined;
  if (segments.at(-1) === 'index') segments.pop();
  return segments;
}

/** True when a segment holds a [param] or [...rest]. */
export function isDynamic(segments: readonly string[]): boolean {
  return segments.some((s) => s.includes('['));
}

/**
 * The site path (no base, trailing slash: trailingSlash "always", directory
 * format) of a route filled with params. A [...rest] param may be undefined
 * (the segment disappears) or hold slashes. Throws when a param is missing.
 */
export function fillRoute(segments: readonly string[], params: StaticPathEntry['params']): string {
  const filled: string[] = [];
  for (const segment of segments) {
    const replaced = segment.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_whole, rest: string | undefined, name: string) => {
      const value = params[name];
      if (value === undefined || value === '') {
        if (rest) return '';
        throw new Error(`param "${name}" missing`);
      }
      return String(value);
    });
    if (replaced !== '') filled.push(replaced);
  }
  return filled.length === 0 ? '/' : `/${filled.join('/')}/`;
}

export interface SitePages {
  /** Every page path (no base), sorted, without NOINDEX_PATHS. */
  paths: string[];
  /** Page files whose paths could not be listed, with the reason. */
  problems: string[];
}

const refusePaginate = (): never => {
  throw new Error('uses paginate(), which the page list does not emulate');
};

/** Lists the site's pages by asking each page file, as Astro does. */
export async function listSitePages(modules: PageModules): Promise<SitePages> {
  const paths = new Set<string>();
  const problems: string[] = [];
  for (const file of Object.keys(modules).sort()) {
    const segments = routeSegments(file);
    if (!segments) continue;
    if (!isDynamic(segments)) {
      paths.add(fillRoute(segments, {}));
      continue;
    }
    try {
      const module = await modules[file]!();
      if (typeof module.getStaticPaths !== 'function') throw new Error('has no getStaticPaths()');
      const entries = (await module.getStaticPaths({ paginate: refusePaginate, routePattern: segments.join('/'), everyPage: true })) as StaticPathEntry[];
      for (const entry of entries.flat()) paths.add(fillRoute(segments, entry.params));
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { paths: [...paths].filter((p) => !NOINDEX_PATHS.has(p)).sort(), problems };
}
