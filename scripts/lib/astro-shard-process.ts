/**
 * One Astro build in its own process: node astro-shard-process.ts <site dir> <cache dir> <report file>
 *
 * Started by astro-build.ts, once per shard, with env KB_BUILD_SHARD="<i>/<n>"
 * (src/lib/build-shard.ts) and KB_CONTENT_DIR set. Writes its time and peak
 * memory to the report file when the build succeeds; exits 1 when it fails.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [siteDir, cacheDir, reportFile] = process.argv.slice(2);

if (!siteDir || !cacheDir || !reportFile) {
  console.error('usage: node scripts/lib/astro-shard-process.ts <site dir> <cache dir> <report file>');
  process.exit(2);
}

// Bodies rendered on a second thread ahead of their pages (src/core/render/render-ahead.ts); the worker is
// a source module Node runs itself, so the build hands the site its path. KB_RENDER_AHEAD=off renders every
// body on the page's thread (to compare).
if (process.env['KB_RENDER_AHEAD'] !== 'off') process.env['KB_RENDER_WORKER'] ??= path.join(repoRoot, 'src', 'core', 'render', 'render-worker.ts');

try {
  const started = performance.now();
  const { build } = await import('astro');
  await build({
    root: repoRoot,
    outDir: siteDir,
    // A cache per build: the content layer's data store lives here, and a shared one
    // could leak entries between builds of different content folders.
    cacheDir,
    mode: 'production',
    ...(process.env['KB_ASTRO_LOG_LEVEL'] ? { logLevel: process.env['KB_ASTRO_LOG_LEVEL'] as 'info' | 'warn' | 'error' } : {}),
  });
  // resourceUsage().maxRSS is in KiB: this process's own peak, whatever Astro started inside it.
  const renderAhead = (globalThis as Record<symbol, unknown>)[Symbol.for('civic-kb.render-ahead-stats')];
  await writeFile(reportFile, JSON.stringify({ ms: performance.now() - started, maxRssBytes: process.resourceUsage().maxRSS * 1024, renderAhead }));
  // Astro's build can leave handles (watchers, workers) open; the work is done.
  process.exit(0);
} catch (error) {
  // The message names the file and line; the stack is mostly framework internals — unless there is no
  // message, when the stack (and the cause) are all there is to go on.
  const detail =
    error instanceof Error
      ? process.env['DEBUG'] || !error.message.trim()
        ? [error.stack ?? String(error), error.cause === undefined ? '' : `cause: ${String((error.cause as Error)?.stack ?? error.cause)}`].join('\n').trim()
        : error.message
      : String(error);
  console.error(detail || 'The Astro build failed without a message.');
  process.exit(1);
}
