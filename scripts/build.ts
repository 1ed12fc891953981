/**
 * npm run build [-- --content DIR] [-- --out DIR]
 *
 * Builds the static site with Astro into a fresh working folder under .build-tmp/,
 * indexes it with Pagefind, and only when both succeed swaps it into the output
 * folder (default dist/). A failed build leaves the previous output untouched and
 * exits with status 1.
 *
 * --content DIR  content folder to build from (default: content); handed to the
 *                site as env KB_CONTENT_DIR, resolved to an absolute path
 * --out DIR      output folder (default: dist)
 *
 * env KB_BUILD_SHARDS  Astro builds to run at once, each rendering a share of the pages
 *                      (default 1; more trades memory for time: lib/astro-build.ts)
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildWithAstro, shardCount, type ShardReport } from './lib/astro-build.ts';
import { indexSite } from './lib/search-index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface BuildOptions {
  contentDir: string;
  outDir: string;
}

interface TreeStats {
  pages: number;
  files: number;
  bytes: number;
}

const USAGE = 'Usage: npm run build -- [--content DIR] [--out DIR]';

function readOptions(argv: string[]): BuildOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    contentDir: path.resolve(values.content),
    outDir: path.resolve(values.out),
  };
}

/** Counts HTML pages, files and bytes under a folder. */
async function measureTree(dir: string): Promise<TreeStats> {
  const stats: TreeStats = { pages: 0, files: 0, bytes: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const info = await stat(path.join(entry.parentPath, entry.name));
    stats.files += 1;
    stats.bytes += info.size;
    if (entry.name.endsWith('.html')) stats.pages += 1;
  }
  return stats;
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

/** rename(), falling back to copy + delete when the two paths sit on different filesystems. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Puts `builtDir` at `outDir`: the old output is renamed aside first and restored if
 * the new one cannot be moved in, so `outDir` is never left half-written.
 */
async function swapInto(builtDir: string, outDir: string): Promise<void> {
  await mkdir(path.dirname(outDir), { recursive: true });
  const asideDir = `${outDir}.old-${randomBytes(4).toString('hex')}`;
  const hadPrevious = await exists(outDir);
  if (hadPrevious) await rename(outDir, asideDir);
  try {
    await move(builtDir, outDir);
  } catch (error) {
    if (hadPrevious) await rename(asideDir, outDir);
    throw error;
  }
  if (hadPrevious) await rm(asideDir, { recursive: true, force: true });
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** How many bodies the render-ahead worker rendered, over all shards. */
function renderedAhead(shards: ShardReport[]): string {
  const counts = shards.map((s) => s.renderAhead).filter((r) => r !== undefined);
  if (counts.length === 0) return 'rendered with their pages (render-ahead off)';
  const worker = counts.reduce((n, r) => n + r.worker, 0);
  const inline = counts.reduce((n, r) => n + r.inline, 0);
  const waited = counts.reduce((n, r) => n + r.waitedMs, 0);
  return `${worker} rendered ahead on a worker thread, ${inline} with their pages (waited ${(waited / 1000).toFixed(2)} s)`;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (!(await exists(options.contentDir))) {
    throw new Error(`Content folder not found: ${options.contentDir}`);
  }
  process.env['KB_CONTENT_DIR'] = options.contentDir;
  process.env['ASTRO_TELEMETRY_DISABLED'] ??= '1';
  // No page reads Astro's collections (they read the knowledge graph), so the production build validates
  // the content (errors still fail it with file:line) but stores no second copy of every document in
  // Astro's data store: the 100k build ran out of Node's default heap before its first page with it on.
  // `astro dev` keeps them for editor tooling. KB_COLLECTIONS=on brings them back here.
  process.env['KB_COLLECTIONS'] ??= 'off';

  const startedAt = performance.now();
  const workDir = path.join(repoRoot, '.build-tmp', `build-${randomBytes(6).toString('hex')}`);
  const siteDir = path.join(workDir, 'site');
  try {
    await mkdir(workDir, { recursive: true });
    const astro = await buildWithAstro({ siteDir, workDir, shards: shardCount() });
    const astroDoneAt = performance.now();
    const { indexedPages } = await indexSite(siteDir);
    const pagefindDoneAt = performance.now();
    const tree = await measureTree(siteDir);
    await swapInto(siteDir, options.outDir);

    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      [
        '',
        `Built ${tree.pages} pages (${tree.files} files, ${formatBytes(tree.bytes)}) into ${path.relative(process.cwd(), options.outDir) || '.'}`,
        `  content:  ${path.relative(process.cwd(), options.contentDir) || '.'}`,
        `  astro:    ${seconds(astroDoneAt - startedAt)} (${astro.shards.length === 1 ? 'one process' : `${astro.shards.length} processes at once`}, peak ${formatBytes(astro.maxRssBytes)})`,
        `  bodies:   ${renderedAhead(astro.shards)}`,
        `  pagefind: ${seconds(pagefindDoneAt - astroDoneAt)} (${indexedPages} pages in the search index)`,
        `  total:    ${seconds(performance.now() - startedAt)}`,
      ].join('\n'),
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

try {
  await main();
  // Astro's build can leave handles (watchers, workers) open; the work is done.
  process.exit(0);
} catch (error) {
  // The message names the file and line; the stack is mostly framework internals.
  const detail =
    error instanceof Error ? (process.env['DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
  console.error(`\nBuild failed; the previous output was left as it was.\n${detail}`);
  if (!process.env['DEBUG']) console.error('(Set DEBUG=1 to see the stack trace.)');
  process.exit(1);
}
