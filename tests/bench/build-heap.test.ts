/** The build's heap size: given once (scripts/lib/build-heap.ts), a size the user gives wins. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
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

test('npm run build runs with that heap: it starts itself again with the flag', () => {
  // Each process prints its heap limit as it exits (the preloaded module rides along in execArgv); --help ends the
  // build right after the restart.
  const report = 'data:text/javascript,import v8 from "node:v8";process.on("exit",()=>console.log("HEAP",v8.getHeapStatistics().heap_size_limit))';
  const probe = spawnSync(process.execPath, ['--import', report, path.join(repoRoot, 'scripts/build.ts'), '--help'], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' } });
  expect(probe.status, probe.stderr).toBe(0);
  const limits = [...probe.stdout.matchAll(/HEAP (\d+)/g)].map((m) => Number(m[1]) / 1024 / 1024).sort((a, b) => a - b);
  // The process npm starts (Node's default limit, lower on this machine) and the build it restarts with the flag.
  expect(limits).toHaveLength(2);
  expect(limits[0]!).toBeLessThan(BUILD_HEAP_MB);
  expect(limits[1]!).toBeGreaterThanOrEqual(BUILD_HEAP_MB);
});
