/**
 * One benchmark phase in its own process, so its wall time and peak memory are
 * its own (scripts/bench/run.ts runs it under /usr/bin/time -v). Prints one line
 * "BENCH-PHASE <json>" with what it measured from inside.
 *
 *   node scripts/bench/phase.ts <validate|graph|render|astro|pagefind|search> <content dir> [<out dir>]
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [phase, contentArg, outArg] = process.argv.slice(2);
if (!phase || !contentArg) {
  console.error('usage: node scripts/bench/phase.ts <validate|graph|render|astro|pagefind|search> <content dir> [<out dir>]');
  process.exit(2);
}
const contentDir = path.resolve(contentArg);
const report: Record<string, unknown> = { phase };
const ms = (from: number) => Math.round(performance.now() - from);

/**
 * Peak RSS (VmHWM) of this process's live children, summed, read from /proc.
 * Pagefind's Node API runs its indexer as a child that is killed, not reaped,
 * on close(): GNU time never sees its memory, so it is read here just before.
 * Bundles are written two at a time, so two indexers may be alive: the sum of
 * their peaks is the most they can have held at once.
 */
async function childrenPeakRss(): Promise<number> {
  let peak = 0;
  const pids = await readdir('/proc').catch(() => [] as string[]);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== process.pid) continue;
    peak += Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  }
  return peak;
}

/** What `npm run validate` runs: checkContent (per-file work in worker threads on big folders). */
async function validate() {
  const { checkContent } = await import('../../src/core/check-content.ts');
  const started = performance.now();
  const result = await checkContent(contentDir);
  report['validateMs'] = ms(started);
  report['files'] = result.files;
  report['errors'] = result.diagnostics.filter((d) => d.severity === 'error').length;
  report['warnings'] = result.diagnostics.length - (report['errors'] as number);
}

/** What the build runs before the graph: validateContent on one thread, keeping every parsed document. */
async function load() {
  const { validateContent } = await import('../../src/core/validate.ts');
  const started = performance.now();
  const result = await validateContent(contentDir);
  report['loadMs'] = ms(started);
  report['files'] = result.files;
  return result;
}

async function graph() {
  const result = await load();
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
  process.env['KB_COLLECTIONS'] ??= 'off'; // as scripts/build.ts defaults
  // As scripts/build.ts does: build inside the project, then move the site out. Astro puts the
  // prerender bundle of an outDir outside the working directory in <root>/.astro/.prerender/,
  // which two such builds at once (a bench and a test run) overwrite under each other.
  await mkdir(path.join(repoRoot, '.build-tmp'), { recursive: true });
  const workDir = await mkdtemp(path.join(repoRoot, '.build-tmp', 'bench-'));
  const { buildWithAstro, shardCount } = await import('../lib/astro-build.ts');
  const started = performance.now();
  try {
    // What scripts/build.ts runs: the shards at once, each its own process, merged into one site.
    const result = await buildWithAstro({ siteDir: path.join(workDir, 'site'), workDir, shards: shardCount(), env: { KB_ASTRO_LOG_LEVEL: 'warn' } });
    report['astroMs'] = ms(started);
    report['shards'] = result.shards.length;
    report['shardSeconds'] = result.shards.map((s) => (s.ms / 1000).toFixed(1)).join(' / ');
    report['childMaxRssBytes'] = result.maxRssBytes;
    const ahead = result.shards.map((s) => s.renderAhead).filter((r) => r !== undefined);
    if (ahead.length) {
      report['bodiesAhead'] = ahead.reduce((n, r) => n + r.worker, 0);
      report['bodiesInline'] = ahead.reduce((n, r) => n + r.inline, 0);
      report['bodyWaitSeconds'] = Number((ahead.reduce((n, r) => n + r.waitedMs, 0) / 1000).toFixed(1));
    }
    await rm(path.resolve(outArg), { recursive: true, force: true });
    await rename(path.join(workDir, 'site'), path.resolve(outArg));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function pagefind() {
  if (!outArg) throw new Error('pagefind needs the built site folder');
  const siteDir = path.resolve(outArg);
  const { indexSite } = await import('../lib/search-index.ts');
  const started = performance.now();
  let childPeak = 0;
  const { indexedPages, bundles } = await indexSite(siteDir, {
    afterBundle: async () => {
      childPeak = Math.max(childPeak, await childrenPeakRss());
    },
  });
  report['childMaxRssBytes'] = childPeak;
  report['indexedPages'] = indexedPages;
  report['bundles'] = bundles.length;
  report['largestBundlePages'] = Math.max(...bundles.map((b) => b.pages));
  report['pagefindMs'] = ms(started);
}

/**
 * Bytes a reader downloads to search the built site, in Chromium against a
 * local server that gzips text as a static host does: the search page, a first
 * query and a later one (tests/support/search-transfer.ts; the browser tests
 * measure the same on the test site). On a site indexed in state bundles it
 * measures the search page as it opens (places, states, guidelines), the
 * largest state's bundle (?state=xx: what a resident searches) and every state
 * merged (?state=all, for the record); the budget is checked on the larger of
 * the first two. Eight readers are measured, each in a fresh browser context:
 * reader i searches SEARCH_TERMS[i], then SEARCH_TERMS[i + 1]. Which words cost
 * what depends on where Pagefind's index chunks happen to split the vocabulary
 * (20,000 word locations each, ~16–27 KB), so one query is luck, not a measure;
 * each budget is checked on the largest of its eight. Terms: env
 * BENCH_SEARCH_TERMS="a|b|c…" (readers a→b, b→c, …).
 */
/** What residents might search, all words of the synthetic corpus's guides; consecutive terms make a reader's two queries. */
const SEARCH_TERMS = ['records request', 'city clerk', 'fee schedule', 'written warning', 'city attorney', 'office hours', 'complaint form', 'data portal', 'privacy'];

async function search() {
  if (!outArg) throw new Error('search needs the built and indexed site folder');
  const siteDir = path.resolve(outArg);
  const given = (process.env['BENCH_SEARCH_TERMS'] ?? '').split('|').filter(Boolean);
  const terms = given.length >= 2 ? given : SEARCH_TERMS;
  const readers = terms.slice(0, -1).map((first, i) => ({ first, later: terms[i + 1]! }));
  const { startStaticServer } = await import('../../tests/support/static-server.ts');
  const { launchBrowser } = await import('../../tests/support/browser.ts');
  const { measureSearchTransfer } = await import('../../tests/support/search-transfer.ts');
  const states = (JSON.parse(await readFile(path.join(siteDir, 'pagefind', 'bundles.json'), 'utf8').catch(() => '{"states":[]}')) as { states: string[] }).states;
  const pagesIn = async (state: string) =>
    Object.values((JSON.parse(await readFile(path.join(siteDir, 'pagefind', 'state', state, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages)
      .reduce((n, l) => n + l.page_count, 0);
  let largest: { state: string; pages: number } | undefined;
  for (const state of states) {
    const pages = await pagesIn(state);
    if (!largest || pages > largest.pages) largest = { state, pages };
  }
  const server = await startStaticServer(siteDir, process.env['BASE_PATH'] ?? '/');
  const browser = await launchBrowser();
  const started = performance.now();
  const heaviest = (files: string[]) => [...files].sort((a, b) => Number(b.split(' ').at(-1)) - Number(a.split(' ').at(-1))).slice(0, 5).join(', ');
  const measure = async (label: string, query: string, who: readonly { first: string; later: string }[] = readers) => {
    const url = new URL(`search/${query}`, server.url).href;
    type Run = { first: string; later: string; t: Awaited<ReturnType<typeof measureSearchTransfer>> };
    const runs: Run[] = [];
    for (const reader of who) runs.push({ ...reader, t: await measureSearchTransfer(browser, url, reader.first, reader.later) });
    const largestBy = (bytes: (r: Run) => number) => runs.reduce((a, b) => (bytes(b) > bytes(a) ? b : a));
    const worstFirst = largestBy((r) => r.t.firstQuery.bytes);
    const worstLater = largestBy((r) => r.t.laterQuery.bytes);
    const within = (bytes: (r: Run) => number, limit: number) => `${runs.filter((r) => bytes(r) <= limit * 1024).length}/${runs.length}`;
    report[`${label}PageLoadBytes`] = runs[0]!.t.pageLoad.bytes;
    report[`${label}FirstQueryBytes`] = worstFirst.t.firstQuery.bytes;
    report[`${label}LaterQueryBytes`] = worstLater.t.laterQuery.bytes;
    report[`${label}Queries`] = runs.map((r) => `${r.first} ${r.t.firstQuery.bytes} → ${r.later} ${r.t.laterQuery.bytes}`).join(', ');
    report[`${label}FirstWithin150KB`] = within((r) => r.t.firstQuery.bytes, 150);
    report[`${label}LaterWithin30KB`] = within((r) => r.t.laterQuery.bytes, 30);
    report[`${label}Results`] = runs.map((r) => `${r.t.firstResults}/${r.t.laterResults}`).join(' ');
    report[`${label}FirstQueryHeaviest`] = `${worstFirst.first}: ${heaviest(worstFirst.t.firstQuery.files)}`;
    report[`${label}LaterQueryHeaviest`] = `${worstLater.later}: ${heaviest(worstLater.t.laterQuery.files)}`;
    return { firstBytes: worstFirst.t.firstQuery.bytes, laterBytes: worstLater.t.laterQuery.bytes };
  };
  try {
    report['terms'] = terms.join(' | ');
    const open = await measure('open', '');
    let first = open.firstBytes;
    let later = open.laterBytes;
    if (largest) {
      report['largestState'] = `${largest.state} (${largest.pages} pages)`;
      const state = await measure('state', `?state=${largest.state}`);
      first = Math.max(first, state.firstBytes);
      later = Math.max(later, state.laterBytes);
      // For the record only (not a budget): every state's bundle, merged on the page's own thread.
      await measure('allStates', '?state=all', readers.slice(0, 1)).catch((error: Error) => {
        report['allStatesError'] = error.message.split('\n')[0];
      });
    }
    report['firstQueryBytes'] = first;
    report['laterQueryBytes'] = later;
  } finally {
    await browser.close();
    await server.close();
  }
  report['searchMs'] = ms(started);
}

const phases: Record<string, () => Promise<unknown>> = { validate, graph, render, astro, pagefind, search };
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
