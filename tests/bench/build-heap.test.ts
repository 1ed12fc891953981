/** The build's heap size: given once (scripts/lib/build-heap.ts) to each Astro build process, a size the user gives wins. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { shardNodeFlags } from '../../scripts/lib/astro-build.ts';
import { BUILD_HEAP_FLAG, BUILD_HEAP_MB, heapSizeGiven } from '../../scripts/lib/build-heap.ts';
import { repoRoot } from '../support/repo-root.ts';

test.each([
  [[], '', false],
  [['--max-old-space-size=2048'], '', true],
  [[], '--inspect --max-old-space-size=8192', true],
  [[], '--max_old_space_size=8192', true],
  [['--expose-gc'], '--no-warnings', false],
])('execArgv %j, NODE_OPTIONS %j: given = %s', (argv, options, given) => {
  expect(heapSizeGiven(argv, options)).toBe(given);
});

test('the flag names the size, under the 6 GB the 100k budget allows with room for code and buffers', () => {
  expect(BUILD_HEAP_FLAG).toBe(`--max-old-space-size=${BUILD_HEAP_MB}`);
  expect(BUILD_HEAP_MB).toBeLessThanOrEqual(5 * 1024);
});

test.each([
  [[], '', [BUILD_HEAP_FLAG]],
  [['--cpu-prof'], '', [BUILD_HEAP_FLAG, '--cpu-prof']],
  [['--max-old-space-size=2048'], '', ['--max-old-space-size=2048']],
  [[], '--max-old-space-size=8192', []],
])('an Astro build process (execArgv %j, NODE_OPTIONS %j) gets %j', (argv, options, flags) => {
  expect(shardNodeFlags(argv, options)).toEqual(flags);
});

test('an Astro build process started with those flags has that heap', () => {
  // The process prints its heap limit as it exits (the preloaded module rides along); without arguments the
  // shard process stops at its usage line.
  const report = 'data:text/javascript,import v8 from "node:v8";process.on("exit",()=>console.log("HEAP",v8.getHeapStatistics().heap_size_limit))';
  const probe = spawnSync(process.execPath, [...shardNodeFlags([], ''), '--import', report, path.join(repoRoot, 'scripts/lib/astro-shard-process.ts')], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' } });
  expect(probe.status).toBe(2);
  expect(probe.stderr).toContain('usage: node scripts/lib/astro-shard-process.ts');
  const limit = Number(/HEAP (\d+)/.exec(probe.stdout)![1]) / 1024 / 1024;
  expect(limit).toBeGreaterThanOrEqual(BUILD_HEAP_MB);
});
