/**
 * npm run bench -- --docs N [--full-100k] [--json out.json] [--sunlight] [options]
 *
 * Generates a synthetic corpus of N documents (src/bench/generate-corpus.ts) in a
 * temp dir, then measures each phase in its own child process under
 * /usr/bin/time -v: validate, content load + graph, body rendering, astro build,
 * pagefind index. Prints a table, checks the issue's budgets, and writes JSON to
 * bench-results/ (or --json).
 *
 *   --docs N          documents to generate (places + policies + FAQs; contacts on top)
 *   --full-100k       required for N ≥ 50,000 (a long run)
 *   --sunlight        also (or, without --docs, only) bench ../shared/sunlight-sample,
 *                     imported with scripts/import-sunlight.ts
 *   --content DIR     bench an existing content folder instead of generating one (with
 *                     --docs N: a corpus written earlier with --keep, judged as N documents)
 *   --phases LIST     comma list of validate,graph,render,astro,pagefind,search (default: all)
 *   --site DIR        a site built earlier (kept with --keep: the …/site folder): the pagefind and
 *                     search phases run on it without an astro phase
 *   --env K=V         extra environment for the phases (repeatable), e.g. KB_COLLECTIONS=on
 *   --timeout S       kill a phase after S seconds (default 3600)
 *   --seed N          corpus seed; --keep keeps the temp folders; --json FILE
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBudgets, type BudgetCheck } from '../../src/bench/budgets.ts';
import { formatTable } from '../../src/bench/format-table.ts';
import { measureOutput, type OutputStats } from '../../src/bench/measure-output.ts';
import { parseTimeReport } from '../../src/bench/time-report.ts';
import { DEFAULT_SEED } from '../../src/bench/generate-corpus.ts';
import { writeCorpus } from '../../src/bench/write-corpus.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALL_PHASES = ['validate', 'graph', 'render', 'astro', 'pagefind', 'search'] as const;
const PHASE_LABELS: Record<string, string> = {
  generate: 'generate corpus',
  validate: 'validate (npm run validate: checkContent)',
  graph: 'content load + graph',
  render: 'load + graph + render all bodies',
  astro: 'astro build',
  pagefind: 'pagefind index',
  search: 'search transfer (browser)',
};
const TIME_BIN = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    'full-100k': { type: 'boolean', default: false },
    sunlight: { type: 'boolean', default: false },
    content: { type: 'string' },
    phases: { type: 'string', default: ALL_PHASES.join(',') },
    env: { type: 'string', multiple: true, default: [] },
    timeout: { type: 'string', default: '3600' },
    seed: { type: 'string' },
    keep: { type: 'boolean', default: false },
    site: { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || (!values.docs && !values.sunlight && !values.content)) {
  console.log('usage: npm run bench -- --docs N [--full-100k] [--json out.json] [--sunlight] [--content DIR] [--phases LIST] [--env K=V] [--timeout S] [--seed N] [--keep]');
  process.exit(values.help ? 0 : 2);
}
const docs = values.docs === undefined ? undefined : Number(values.docs);
if (docs !== undefined && (!Number.isInteger(docs) || docs < 3)) throw new Error(`--docs must be an integer ≥ 3, got ${values.docs}`);
if (docs !== undefined && docs >= 50_000 && !values['full-100k']) {
  console.error(`--docs ${docs} is a long run (tens of minutes, several GB): add --full-100k to confirm.`);
  process.exit(2);
}
const phases = values.phases.split(',').map((p) => p.trim()).filter(Boolean);
for (const p of phases) if (!(ALL_PHASES as readonly string[]).includes(p)) throw new Error(`unknown phase "${p}"`);
const extraEnv = Object.fromEntries(values.env.map((kv) => {
  const at = kv.indexOf('=');
  if (at < 1) throw new Error(`--env wants KEY=VALUE, got "${kv}"`);
  return [kv.slice(0, at), kv.slice(at + 1)];
}));
const timeoutMs = Number(values.timeout) * 1000;
const haveTime = existsSync(TIME_BIN);

interface PhaseResult {
  phase: string;
  ok: boolean;
  wallSeconds: number;
  maxRssBytes: number;
  /** How peak RSS was measured. */
  rssSource: 'time -v' | 'child resourceUsage' | 'node + children' | 'none';
  inner: Record<string, unknown>;
  output?: OutputStats | undefined;
  error?: string | undefined;
  /** 1-minute load average when the phase ended: above the core count, the numbers are inflated. */
  loadAverage?: number | undefined;
}

interface CorpusRun {
  label: string;
  contentDir: string;
  docs?: number | undefined;
  corpusFiles?: Record<string, number> | undefined;
  corpusBytes?: number | undefined;
  generateSeconds?: number | undefined;
  phases: PhaseResult[];
  budgets: BudgetCheck[];
}

/** Runs one phase in a child, under /usr/bin/time -v when available. */
function runPhase(phase: string, contentDir: string, outDir: string): Promise<PhaseResult> {
  // The astro phase's shards get the build's heap themselves (lib/astro-build.ts), unless --env NODE_OPTIONS sets one.
  const nodeArgs = [path.join(repoRoot, 'scripts', 'bench', 'phase.ts'), phase, contentDir, outDir];
  const [command, args] = haveTime ? [TIME_BIN, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 2_000_000) stderr = stderr.slice(-1_000_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The child leads its own process group: end it and whatever it started.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH-PHASE '));
      const inner = line ? (JSON.parse(line.slice('BENCH-PHASE '.length)) as Record<string, unknown>) : {};
      const timeReport = parseTimeReport(stderr);
      const innerRss = typeof inner['maxRssBytes'] === 'number' ? inner['maxRssBytes'] : undefined;
      // Child processes (Pagefind's indexers, Astro's build shards): time -v reports the largest single
      // process, not the sum of those running at once. The phase reports its children's peak (the largest
      // indexer, read from /proc while it runs; the shards' peaks summed) and Node's own: their sum is the
      // most all can have used at once.
      const childRss = typeof inner['childMaxRssBytes'] === 'number' ? inner['childMaxRssBytes'] : 0;
      const ok = code === 0 && Boolean(line) && !timedOut;
      const tail = stderr.replace(/\n\tCommand being timed[\s\S]*$/, '').trim().split('\n').slice(-15).join('\n');
      resolve({
        phase,
        ok,
        wallSeconds: timeReport?.wallSeconds ?? wallMs / 1000,
        maxRssBytes: childRss > 0 && innerRss !== undefined ? innerRss + childRss : (timeReport?.maxRssBytes ?? innerRss ?? 0),
        rssSource: childRss > 0 && innerRss !== undefined ? 'node + children' : timeReport ? 'time -v' : innerRss ? 'child resourceUsage' : 'none',
        inner,
        error: ok ? undefined : timedOut ? `killed after ${values.timeout} s` : tail || `exit ${code}`,
      });
    });
  });
}

async function benchCorpus(label: string, contentDir: string, extra: Partial<CorpusRun>): Promise<CorpusRun> {
  const outDir = values.site ? path.dirname(path.resolve(values.site)) : await mkdtemp(path.join(os.tmpdir(), `kb-bench-out-${label}-`));
  const siteDir = values.site ? path.resolve(values.site) : path.join(outDir, 'site');
  const built = (phase: string) => Boolean(values.site) || results.some((r) => r.phase === phase && r.ok);
  const results: PhaseResult[] = [];
  let lastOutput: OutputStats | undefined;
  console.log(`[${label}] load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} cores; other work on the machine slows every phase)`);
  for (const phase of phases) {
    if ((phase === 'pagefind' || phase === 'search') && !built('astro')) {
      results.push({ phase, ok: false, wallSeconds: 0, maxRssBytes: 0, rssSource: 'none', inner: {}, error: 'skipped: no astro build' });
      continue;
    }
    if (phase === 'search' && !built('pagefind')) {
      results.push({ phase, ok: false, wallSeconds: 0, maxRssBytes: 0, rssSource: 'none', inner: {}, error: 'skipped: no search index' });
      continue;
    }
    process.stdout.write(`[${label}] ${PHASE_LABELS[phase]} … `);
    const result = await runPhase(phase, contentDir, siteDir);
    result.loadAverage = os.loadavg()[0];
    if (result.ok && (phase === 'astro' || phase === 'pagefind')) {
      result.output = await measureOutput(siteDir);
      lastOutput = result.output;
    }
    console.log(result.ok ? `${result.wallSeconds.toFixed(1)} s, ${(result.maxRssBytes / 1048576).toFixed(0)} MB` : `FAILED: ${result.error}`);
    results.push(result);
  }
  if (!values.keep && !values.site) await rm(outDir, { recursive: true, force: true });
  else console.log(`[${label}] output kept in ${outDir}`);
  const budgets = checkBudgets({
    docs: extra.docs,
    phases: results,
    fullestFolderFiles: lastOutput?.mostFiles.files,
    pagesOverLimit: lastOutput?.pagesOverLimit,
    largestPageBytes: lastOutput?.largestPages[0]?.totalBytes,
    search: searchBytes(results.find((r) => r.phase === 'search' && r.ok)),
  });
  return { label, contentDir, ...extra, phases: results, budgets };
}

function searchBytes(result: PhaseResult | undefined): { firstQueryBytes: number; laterQueryBytes: number } | undefined {
  if (!result) return undefined;
  const { firstQueryBytes, laterQueryBytes } = result.inner;
  return typeof firstQueryBytes === 'number' && typeof laterQueryBytes === 'number' ? { firstQueryBytes, laterQueryBytes } : undefined;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1048576).toFixed(1));
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1024).toFixed(1));

function report(run: CorpusRun): string {
  const rows: string[][] = [];
  if (run.generateSeconds !== undefined) rows.push([PHASE_LABELS['generate']!, run.generateSeconds.toFixed(1), '–', '–', mb(run.corpusBytes), '–', '–', '–', '–']);
  for (const r of run.phases) {
    const o = r.output;
    rows.push([
      PHASE_LABELS[r.phase] ?? r.phase,
      r.ok ? r.wallSeconds.toFixed(1) : `FAILED`,
      r.maxRssBytes ? mb(r.maxRssBytes) : '–',
      o ? String(o.pages) : '–',
      o ? mb(o.bytes) : '–',
      o && r.phase === 'pagefind' ? mb(o.pagefindBytes) : '–',
      o && r.phase === 'pagefind' ? String(o.pagefindFiles) : '–',
      o ? `${o.mostFiles.files} (${o.mostFiles.folder})` : '–',
      o ? kb(o.largestPages[0]?.totalBytes) : '–',
    ]);
  }
  const lines = [
    '',
    `== ${run.label}: ${run.contentDir}`,
    run.corpusFiles ? `   files: ${Object.entries(run.corpusFiles).map(([k, v]) => `${k} ${v}`).join(', ')}` : '',
    formatTable(['phase', 'wall s', 'peak RSS MB', 'pages', 'output MB', 'pagefind MB', 'pagefind files', 'most files in a folder', 'largest page KB'], rows),
  ];
  for (const r of run.phases) if (!r.ok) lines.push(`   ${r.phase} failed: ${r.error}`);
  const inner = run.phases.map((r) => `${r.phase}: ${Object.entries(r.inner).filter(([k]) => k !== 'phase' && k !== 'maxRssBytes').map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
  lines.push('', '   measured inside the phases:', ...inner.map((l) => `   ${l}`));
  const output = [...run.phases].reverse().find((r) => r.output)?.output;
  if (output) {
    lines.push('', `   fullest folder: ${output.fullestFolder.folder} (${output.fullestFolder.entries} entries, ${output.fullestFolder.files} files)`);
    lines.push(`   largest pages (HTML + linked CSS; limit ${kb(output.pageLimitBytes)} KB, ${output.pagesOverLimit} over${output.pagesOverLimit ? `: ${Object.entries(output.overLimitBySection).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}):`);
    for (const p of output.largestPages.slice(0, 5)) lines.push(`     ${kb(p.totalBytes).padStart(7)} KB  ${p.page}  (HTML ${kb(p.htmlBytes)}, CSS ${kb(p.cssBytes)})`);
  }
  if (run.budgets.length) {
    lines.push('', '   budgets:');
    for (const b of run.budgets) lines.push(`     ${b.met ? 'met    ' : 'NOT MET'}  ${b.budget} ${b.limit}: ${b.measured}`);
  }
  return lines.filter((l) => l !== '').join('\n').replace(/\n   measured/, '\n\n   measured');
}

async function main(): Promise<void> {
  if (!haveTime) console.warn(`${TIME_BIN} not found (apt-get install -y time): peak RSS comes from the child's process.resourceUsage(), which misses Pagefind's own process.`);
  const runs: CorpusRun[] = [];
  const temp: string[] = [];
  try {
    if (values.content) {
      // With --docs too, the folder is taken as an N-document corpus (budgets apply).
      runs.push(await benchCorpus(docs === undefined ? 'content' : `${docs}-content`, path.resolve(values.content), { docs }));
    }
    if (docs !== undefined && !values.content) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `kb-bench-corpus-${docs}-`));
      temp.push(dir);
      const started = performance.now();
      const written = await writeCorpus({ dir, docs, seed: values.seed ? Number(values.seed) : DEFAULT_SEED, guidelinesDir: path.join(repoRoot, 'content', 'guidelines') });
      const generateSeconds = (performance.now() - started) / 1000;
      console.log(`[${docs}] generated ${Object.values(written.files).reduce((a, b) => a + b, 0)} files (${mb(written.bytes)} MB) in ${generateSeconds.toFixed(1)} s: ${dir}`);
      runs.push(await benchCorpus(String(docs), dir, { docs, corpusFiles: written.files, corpusBytes: written.bytes, generateSeconds }));
    }
    if (values.sunlight) {
      const sample = path.resolve(repoRoot, '..', 'shared', 'sunlight-sample');
      const importer = path.join(repoRoot, 'scripts', 'import-sunlight.ts');
      if (!existsSync(sample)) console.log(`--sunlight skipped: ${sample} is absent.`);
      else if (!existsSync(importer)) console.log('--sunlight skipped: scripts/import-sunlight.ts does not exist yet.');
      else {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-bench-sunlight-'));
        temp.push(dir);
        const imported = await importSunlight(importer, sample, dir);
        if (!imported.ok) console.log(`--sunlight: the importer failed (exit ${imported.code}); benchmarking what it wrote.\n${imported.tail}`);
        runs.push(await benchCorpus('sunlight', dir, {}));
      }
    }
  } finally {
    if (!values.keep) for (const dir of temp) await rm(dir, { recursive: true, force: true });
  }
  for (const run of runs) console.log(report(run));
  const jsonFile = values.json ? path.resolve(values.json) : path.join(repoRoot, 'bench-results', `bench-${runs.map((r) => r.label).join('-')}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(jsonFile), { recursive: true });
  const machine = { loadAverageAtEnd: os.loadavg(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryBytes: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` };
  await writeFile(jsonFile, `${JSON.stringify({ date: new Date().toISOString(), machine, env: extraEnv, runs }, null, 2)}\n`);
  console.log(`\nJSON: ${path.relative(process.cwd(), jsonFile)}`);
  if (runs.some((r) => r.phases.some((p) => !p.ok))) process.exitCode = 1;
}

/** Imports the Sunlight sample into `dir` (with the project's guidelines, which the importer checks against). */
async function importSunlight(importer: string, sample: string, dir: string): Promise<{ ok: boolean; code: number | null; tail: string }> {
  const { cp } = await import('node:fs/promises');
  await cp(path.join(repoRoot, 'content', 'guidelines'), path.join(dir, 'guidelines'), { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [importer, sample, '--out', dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, code, tail: output.trim().split('\n').slice(-10).join('\n') }));
  });
}

await main();
