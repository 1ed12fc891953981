/**
 * The Astro half of the build: one `astro build` per shard, side by side, each
 * in its own process (astro-shard-process.ts) rendering its share of every
 * dynamic route (src/lib/build-shard.ts), then the shards' folders merged into
 * one site. Astro renders pages one after another on one core; shards put the
 * other cores to work. Used by scripts/build.ts and the bench's astro phase, so
 * the bench measures what the build does.
 *
 * Each shard loads the whole knowledge graph (pages link across the site), so
 * memory grows with the shard count: see shardCount for how many run. One
 * shard is one Astro process, as the build always was.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_SHARD_ENV } from '../../src/lib/build-shard.ts';
import { BUILD_HEAP_FLAG, heapSizeGiven } from './build-heap.ts';

const shardProcess = path.join(path.dirname(fileURLToPath(import.meta.url)), 'astro-shard-process.ts');

export interface ShardReport {
  index: number;
  ms: number;
  maxRssBytes: number;
  /** Bodies rendered ahead by the worker thread and on the page's thread (src/core/render/render-ahead.ts); absent when it was off. */
  renderAhead?: { worker: number; inline: number; waitedMs: number };
}

export interface AstroBuildResult {
  shards: ShardReport[];
  /** Peak memory of the shards together: the sum of their peaks (they run at once; an upper bound). */
  maxRssBytes: number;
  /** Files a shard wrote that another shard wrote too (pages without a shard, assets): checked equal, kept once. */
  duplicates: number;
}

export interface AstroBuildOptions {
  /** The site folder to write (must not exist). */
  siteDir: string;
  /** A folder for the shards' sites, caches and reports (removed by the caller). */
  workDir: string;
  shards: number;
  /** Extra environment for the shards (KB_CONTENT_DIR and the like are inherited). */
  env?: NodeJS.ProcessEnv;
}

export const BUILD_SHARDS_ENV = 'KB_BUILD_SHARDS';

/**
 * Shards to run: env KB_BUILD_SHARDS, else 1. Not one per core by default: each shard holds the whole graph
 * and Astro's own ~650 MB, so on this 2-core machine two shards built the 10k corpus in 129 s instead of 158 s
 * but at 3.1 GB instead of 1.3 GB, past the 2 GB budget (docs/scale.md, wall 14). A machine with cores and
 * memory to spare sets it.
 */
export function shardCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[BUILD_SHARDS_ENV];
  if (raw === undefined || raw === '') return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${BUILD_SHARDS_ENV} must be a positive integer, got "${raw}"`);
  return value;
}

/**
 * Node flags of a shard process: the build's heap (lib/build-heap.ts) unless the build was given one,
 * on its command line or in NODE_OPTIONS (which the shard inherits), then the build's own flags.
 */
export function shardNodeFlags(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env['NODE_OPTIONS'] ?? ''): string[] {
  return [...(heapSizeGiven(execArgv, nodeOptions) ? [] : [BUILD_HEAP_FLAG]), ...execArgv];
}

interface Running {
  index: number;
  done: Promise<{ code: number | null; stderr: string }>;
  /** True once this build stopped it (another shard had failed). */
  stopped: boolean;
  stop: () => void;
}

function startShard(index: number, count: number, options: AstroBuildOptions): Running {
  const dir = path.join(options.workDir, `shard-${index}`);
  const child = spawn(
    process.execPath,
    [...shardNodeFlags(), shardProcess, path.join(dir, 'site'), path.join(dir, 'cache'), path.join(dir, 'report.json')],
    {
      env: { ...process.env, ...options.env, [BUILD_SHARD_ENV]: `${index}/${count}` },
      // The first shard's log is the build's log; the others' would repeat it. Errors are kept (the first
      // shard's passed on as they come) to tell whether another shard's error has been shown already.
      stdio: ['ignore', index === 0 ? 'inherit' : 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (index === 0) process.stderr.write(chunk);
    stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const running: Running = {
    index,
    done,
    stopped: false,
    stop: () => {
      running.stopped = true;
      child.kill('SIGTERM');
    },
  };
  return running;
}

/**
 * Moves every file of `from` into `into`. A file both have must be the same bytes (a page every shard
 * renders, a shared asset): a difference means the shards did not build the same site, and the build fails.
 */
export async function mergeSiteInto(from: string, into: string): Promise<number> {
  let duplicates = 0;
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const relative = path.relative(from, source);
    const target = path.join(into, relative);
    const there = await readFile(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (there) {
      if (!there.equals(await readFile(source))) throw new Error(`Build shards wrote different versions of ${relative.split(path.sep).join('/')}; a page every shard renders must not depend on its shard.`);
      duplicates += 1;
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(source, target);
  }
  return duplicates;
}

/** Builds the site with `shards` Astro processes at once and merges their output into `siteDir`. */
export async function buildWithAstro(options: AstroBuildOptions): Promise<AstroBuildResult> {
  const running = Array.from({ length: options.shards }, (_, i) => startShard(i, options.shards, options));
  // The first shard to fail stops the others: their pages would be thrown away.
  const failed: { index: number; stderr: string }[] = [];
  const closed = await Promise.all(
    running.map(async (shard) => {
      const { code, stderr } = await shard.done;
      if (code !== 0 && !shard.stopped) {
        failed.push({ index: shard.index, stderr });
        for (const other of running) if (other !== shard && !other.stopped) other.stop();
      }
      return stderr;
    }),
  );
  if (failed.length > 0) {
    // The first shard's errors are on screen already. Another shard's are passed on unless the first shard
    // showed them too (a content error fails every shard alike, and a stopped shard may have printed it).
    const shown = closed[0]!;
    const firstLine = (text: string) => text.split('\n').find((line) => line.trim() !== '') ?? '';
    const other = failed.find((f) => f.index !== 0 && f.stderr.trim() !== '' && !shown.includes(firstLine(f.stderr)));
    throw new Error(other ? `The Astro build failed in shard ${other.index + 1} of ${options.shards}:\n${other.stderr.trim()}` : 'The Astro build failed (see above).');
  }

  const shards: ShardReport[] = [];
  for (const { index } of running) {
    const report = JSON.parse(await readFile(path.join(options.workDir, `shard-${index}`, 'report.json'), 'utf8')) as Omit<ShardReport, 'index'>;
    shards.push({ index, ...report });
  }
  const first = path.join(options.workDir, 'shard-0', 'site');
  let duplicates = 0;
  for (let i = 1; i < options.shards; i++) duplicates += await mergeSiteInto(path.join(options.workDir, `shard-${i}`, 'site'), first);
  await mkdir(path.dirname(options.siteDir), { recursive: true });
  await rename(first, options.siteDir);
  for (let i = 0; i < options.shards; i++) await rm(path.join(options.workDir, `shard-${i}`), { recursive: true, force: true });
  return { shards, maxRssBytes: shards.reduce((n, s) => n + s.maxRssBytes, 0), duplicates };
}
