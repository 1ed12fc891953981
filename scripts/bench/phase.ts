/**
 * One benchmark phase in its own process, so its wall time and peak memory are
 * its own (scripts/bench/run.ts runs it under /usr/bin/time -v). Prints one line
 * "BENCH-PHASE <json>" with what it measured from inside.
 *
 *   node scripts/bench/phase.ts <validate|graph|render|astro|pagefind> <content dir> [<out dir>]
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [phase, contentArg, outArg] = process.argv.slice(2);
if (!phase || !contentArg) {
  console.error('usage: node scripts/bench/phase.ts <validate|graph|render|astro|pagefind> <content dir> [<out dir>]');
  process.exit(2);
}
const contentDir = path.resolve(contentArg);
const report: Record<string, unknown> = { phase };
const ms = (from: number) => Math.round(performance.now() - from);

/**
 * Peak RSS (VmHWM) of this process's live children, read from /proc. Pagefind's
 * Node API runs its indexer as a child that is killed, not reaped, on close():
 * GNU time never sees its memory, so it is read here just before.
 */
async function childrenPeakRss(): Promise<number> {
  let peak = 0;
  const pids = await readdir('/proc').catch(() => [] as string[]);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== process.pid) continue;
    peak = Math.max(peak, Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
  }
  return peak;
}

async function validate() {
  const { validateContent } = await import('../../src/core/validate.ts');
  const started = performance.now();
  const result = await validateContent(contentDir);
  report['validateMs'] = ms(started);
  report['files'] = result.files;
  report['errors'] = result.diagnostics.filter((d) => d.severity === 'error').length;
  report['warnings'] = result.diagnostics.length - (report['errors'] as number);
  return result;
}

async function graph() {
  const result = await validate();
  const { buildKnowledgeBase } = await import('../../src/core/graph/build-graph.ts');
  const started = performance.now();
  const kb = buildKnowledgeBase(result.context);
  report['graphMs'] = ms(started);
  report['policies'] = kb.policies.length;
  report['faqs'] = kb.faqs.length;
  report['places'] = kb.places.length;
  report['contacts'] = kb.contacts.length;
  report['passages'] = kb.policies.reduce((n, p) => n + p.passages.length, 0);
  return kb;
}

async function render() {
  const kb = await graph();
  const started = performance.now();
  let bytes = 0;
  for (const policy of kb.policies) bytes += kb.render('policy', policy.id).html.length;
  const policiesMs = ms(started);
  const faqStarted = performance.now();
  for (const faq of kb.faqs) bytes += kb.render('faq', faq.id).html.length;
  report['renderPoliciesMs'] = policiesMs;
  report['renderFaqsMs'] = ms(faqStarted);
  report['msPerPolicy'] = kb.policies.length ? Number((policiesMs / kb.policies.length).toFixed(2)) : 0;
  report['renderedChars'] = bytes;
}

async function astro() {
  if (!outArg) throw new Error('astro needs an output folder');
  process.env['KB_CONTENT_DIR'] = contentDir;
  process.env['ASTRO_TELEMETRY_DISABLED'] ??= '1';
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'kb-bench-cache-'));
  const { build } = await import('astro');
  const started = performance.now();
  try {
    // The same call scripts/build.ts makes (a cache per build, production mode).
    await build({ root: repoRoot, outDir: path.resolve(outArg), cacheDir, mode: 'production', logLevel: 'warn' });
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
  report['astroMs'] = ms(started);
}

async function pagefind() {
  if (!outArg) throw new Error('pagefind needs the built site folder');
  const siteDir = path.resolve(outArg);
  const pagefind = await import('pagefind');
  const started = performance.now();
  try {
    // The same calls scripts/build.ts makes.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    report['indexedPages'] = added.page_count;
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    report['childMaxRssBytes'] = await childrenPeakRss();
  } finally {
    await pagefind.close();
  }
  report['pagefindMs'] = ms(started);
}

const phases: Record<string, () => Promise<unknown>> = { validate, graph, render, astro, pagefind };
const run = phases[phase];
if (!run) {
  console.error(`unknown phase "${phase}"`);
  process.exit(2);
}
try {
  await run();
  report['maxRssBytes'] = process.resourceUsage().maxRSS * 1024;
  console.log(`BENCH-PHASE ${JSON.stringify(report)}`);
  process.exit(0);
} catch (error) {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
}
