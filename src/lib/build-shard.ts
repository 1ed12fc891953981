/**
 * Which of a route's pages this build process renders. Astro renders pages one
 * at a time on one core; scripts/build.ts can run several Astro builds side by
 * side (env KB_BUILD_SHARD="<i>/<n>", i from 0), each rendering its share of
 * every dynamic route into its own folder, and merges the folders. Without the
 * variable a build renders every page.
 *
 * Pages are dealt out by group, not one by one: a group is a route's pages that
 * share work the process caches (a policy's parts share one render of its text,
 * a place's version pages share their diffs, a list's pages share its plan), so
 * a group's pages stay in one process. Groups go round in order, so each
 * process gets every kind of page and about the same number of each.
 */
import type { StaticPathsOptions } from '../core/publish/routes.ts';

export interface BuildShard {
  index: number;
  count: number;
}

export const BUILD_SHARD_ENV = 'KB_BUILD_SHARD';

/** The shard from "<i>/<n>"; undefined (every page) when unset. Throws on a malformed value. */
export function parseBuildShard(raw: string | undefined): BuildShard | undefined {
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new Error(`${BUILD_SHARD_ENV} must be "<i>/<n>" with 0 ≤ i < n, got "${raw}"`);
  return { index, count };
}

/** Params that number a group's pages: pages with only these different belong together. */
const PAGE_PARAMS = new Set(['page', 'n', 'part']);

/** The group a page belongs to: its params other than the page number. */
export function pageGroup(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter(([name]) => !PAGE_PARAMS.has(name))
    .map(([name, value]) => `${name}=${value ?? ''}`)
    .join('&');
}

/** The paths of `paths` this process renders: every `count`th group, starting at `index`. */
export function pathsOfShard<P extends { params: Record<string, string | undefined> }>(paths: P[], shard: BuildShard | undefined): P[] {
  if (!shard || shard.count === 1) return paths;
  const groups = new Map<string, number>();
  return paths.filter((path) => {
    const key = pageGroup(path.params);
    let n = groups.get(key);
    if (n === undefined) groups.set(key, (n = groups.size));
    return n % shard.count === shard.index;
  });
}

const current = parseBuildShard(process.env[BUILD_SHARD_ENV]);

/** True in one of several build processes (each renders a share of the pages). */
export const shardedBuild = (current?.count ?? 1) > 1;

/**
 * What getStaticPaths is called with: Astro's options, or the page listing's (src/core/publish/routes.ts),
 * which asks for every page — the sitemap and the feed list the whole site whichever shard renders them.
 */
export type ListingOptions = Partial<Pick<StaticPathsOptions, 'everyPage'>>;

/** getStaticPaths' result, cut to this process's shard (all of it when the build is not sharded or every page is asked for). */
export function inBuildShard<P extends { params: Record<string, string | undefined> }>(options: ListingOptions | undefined, paths: P[]): P[] {
  return options?.everyPage ? paths : pathsOfShard(paths, current);
}
