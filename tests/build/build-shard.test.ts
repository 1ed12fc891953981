/**
 * How a build's pages are dealt out to processes (src/lib/build-shard.ts): every
 * page in exactly one shard, a group's pages (a policy's parts, a list's pages)
 * in the same one, and each shard a fair share of every route.
 */
import { describe, expect, test } from 'vitest';
import { inBuildShard, pageGroup, parseBuildShard, pathsOfShard } from '../../src/lib/build-shard.ts';

type Path = { params: Record<string, string | undefined> };

/** A route like /policies/<id>/[part-<n>/]: policy i has i % 4 + 1 parts. */
const policyPaths: Path[] = Array.from({ length: 101 }, (_, i) => i).flatMap((i) =>
  Array.from({ length: (i % 4) + 1 }, (_, p) => ({ params: { id: `policy-${i}`, part: p === 0 ? undefined : `part-${p + 1}` } })),
);

describe('parseBuildShard', () => {
  test.each([
    ['0/2', { index: 0, count: 2 }],
    ['3/4', { index: 3, count: 4 }],
    [' 0/1 ', { index: 0, count: 1 }],
  ])('%j', (raw, shard) => expect(parseBuildShard(raw)).toEqual(shard));

  test('unset or empty: no shard (every page)', () => {
    expect(parseBuildShard(undefined)).toBeUndefined();
    expect(parseBuildShard('')).toBeUndefined();
  });

  test.each(['2/2', '1/0', 'a/2', '1', '-1/2', '1/2/3'])('%j is refused, naming the variable', (raw) => {
    expect(() => parseBuildShard(raw)).toThrow(/KB_BUILD_SHARD must be "<i>\/<n>"/);
  });
});

test('a page group is its params without the page number', () => {
  expect(pageGroup({ id: 'a', part: 'part-2' })).toBe(pageGroup({ id: 'a', part: undefined }));
  expect(pageGroup({ code: 'metadata', n: '3' })).toBe(pageGroup({ code: 'metadata', n: '2' }));
  expect(pageGroup({ facet: 'type', value: 'ordinance', n: '2' })).not.toBe(pageGroup({ facet: 'type', value: 'order', n: '2' }));
  expect(pageGroup({ state: 'mo', page: 'page/2' })).not.toBe(pageGroup({ state: 'ks', page: 'page/2' }));
});

describe.each([2, 3, 4])('%i shards', (count) => {
  const shards = Array.from({ length: count }, (_, index) => pathsOfShard(policyPaths, { index, count }));

  test('every page is in exactly one shard, in the route order', () => {
    const seen = shards.flat();
    expect(seen).toHaveLength(policyPaths.length);
    expect(new Set(seen).size).toBe(policyPaths.length);
    for (const shard of shards) expect(shard).toEqual(policyPaths.filter((p) => shard.includes(p)));
  });

  test("a policy's parts are all in one shard", () => {
    const shardOf = new Map<string, Set<number>>();
    shards.forEach((shard, i) => shard.forEach((p) => shardOf.set(p.params['id']!, (shardOf.get(p.params['id']!) ?? new Set()).add(i))));
    expect(shardOf.size).toBe(101);
    for (const [id, where] of shardOf) expect([...where], id).toHaveLength(1);
  });

  test('groups are dealt round: shards differ by at most one group', () => {
    const groups = shards.map((shard) => new Set(shard.map((p) => pageGroup(p.params))).size);
    expect(Math.max(...groups) - Math.min(...groups)).toBeLessThanOrEqual(1);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(101);
  });
});

test('one shard, or no shard, is every page', () => {
  expect(pathsOfShard(policyPaths, { index: 0, count: 1 })).toBe(policyPaths);
  expect(pathsOfShard(policyPaths, undefined)).toBe(policyPaths);
});

test("the page listing (sitemap, feed) is given every page whatever this process's shard", () => {
  expect(inBuildShard({ everyPage: true }, policyPaths)).toBe(policyPaths);
});

test('KB_BUILD_SHARDS: one process unless set; a bad value is refused, naming the variable', async () => {
  const { shardCount } = await import('../../scripts/lib/astro-build.ts');
  expect(shardCount({})).toBe(1);
  expect(shardCount({ KB_BUILD_SHARDS: '' })).toBe(1);
  expect(shardCount({ KB_BUILD_SHARDS: '3' })).toBe(3);
  for (const bad of ['0', '-1', '1.5', 'two']) expect(() => shardCount({ KB_BUILD_SHARDS: bad })).toThrow(/KB_BUILD_SHARDS must be a positive integer/);
});
