/**
 * Diagnostics of a content folder and nothing else — what `npm run validate`
 * needs — with the per-file work shared out to worker threads on large
 * folders. The result is the same as validateContent's diagnostics, in the
 * same order (tests/core/check-content.test.ts compares them).
 *
 * Why a separate entry point: the build and the graph need the parsed
 * documents, and handing those back from workers costs the main thread about
 * what parsing there would (v8 deserialize of the 10k corpus's documents:
 * 0.9–2.3 s with bodies, 0.4–0.5 s without, against ≈3 s to read and parse
 * them all), so validateContent stays on one thread and only this
 * diagnostics-only path is parallel.
 *
 * How: the main thread walks the folder, checks the guidelines itself (their
 * codes are needed to read passages elsewhere) while the workers load, then
 * checks contiguous shares of the remaining files, in path order, and hands
 * the next ones to each worker once it has loaded and as it finishes one (a
 * thread on a busy core simply takes fewer). Each share gives its read, parse and
 * per-file rule diagnostics and a small summary per document; the cross-file
 * rules run on the main thread over the summaries.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkBatch, summaryDoc, type BatchResult } from './check-batch.ts';
import type { BatchRequest } from './check-worker.ts';
import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics/diagnostic.ts';
import type { ContentDoc } from './load/load-content.ts';
import { listContentFiles, type ContentEntry } from './load/read-files-fs.ts';
import { CROSS_FILE_RULES, ruleContext } from './rules/index.ts';
import { KIND_FOLDERS } from './schema/index.ts';
import { todayIso, validateContent, type ValidateOptions } from './validate.ts';

export interface CheckResult {
  /** Sorted by file and line, as validateContent sorts them. */
  diagnostics: Diagnostic[];
  files: number;
  ok: boolean;
}

export interface CheckOptions extends ValidateOptions {
  /**
   * Worker threads to start besides this one, which checks shares too; 0 checks
   * on this thread alone (validateContent). Default: one per available core but
   * this thread's (at most MAX_WORKERS) when the folder holds at least
   * MIN_FILES_FOR_WORKERS files, else 0.
   */
  workers?: number;
}

/**
 * Below this many files a worker costs more than it saves: it needs ≈0.3 s to
 * load the checker and compiles the hot code again, so on this 2-core machine
 * (shared, load 3–4) 1,300 and 2,500 files checked slower with one, 5,000 about
 * the same, 12,500 10–20 % faster (measured 2026-11-23).
 */
export const MIN_FILES_FOR_WORKERS = 5000;
const MAX_WORKERS = 8;

export async function checkContent(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const today = options.today ?? todayIso();
  const listed = listContentFiles(root);
  const workers = options.workers ?? (listed.entries.length >= MIN_FILES_FOR_WORKERS ? Math.min(availableParallelism() - 1, MAX_WORKERS) : 0);
  if (workers < 1) {
    const result = await validateContent(root, { ...options, today });
    return { diagnostics: result.diagnostics, files: result.files, ok: result.ok };
  }

  const guidelineFolder = `${KIND_FOLDERS.guideline}/`;
  const guidelineEntries = listed.entries.filter((e) => e.relative.startsWith(guidelineFolder));
  const otherEntries = listed.entries.filter((e) => !e.relative.startsWith(guidelineFolder));
  const pool = startWorkers(workers);
  let shares: BatchResult[];
  let guidelines: BatchResult;
  try {
    // Guideline codes first (they decide which passage classes are known), while the workers load.
    guidelines = checkBatch(guidelineEntries, new Set(), today);
    const codes = guidelines.summaries.filter((s) => s.kind === 'guideline').map((s) => String(s.data['code']));
    shares = await runShares(pool, otherEntries, codes, today);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }

  const all = [guidelines, ...shares];
  // Each kind's documents in walk order, as validateContent has them: a kind is one folder, and
  // its files are in one run of contiguous shares (where the guidelines go among the kinds is moot).
  const documents: ContentDoc[] = all.flatMap((share) => share.summaries.map(summaryDoc));
  const crossContext = ruleContext(documents, today, [], new Set());
  // Each file's diagnostics keep validateContent's relative order: read and parse, cross-file rules, per-file rules.
  const diagnostics = [
    ...listed.diagnostics,
    ...all.flatMap((share) => share.loadDiagnostics),
    ...CROSS_FILE_RULES.flatMap((rule) => rule(crossContext)),
    ...all.flatMap((share) => share.ruleDiagnostics),
  ];
  const only = options.only;
  const reported = (only?.length ? diagnostics.filter((d) => only.some((prefix) => d.file.startsWith(prefix))) : diagnostics).sort(compareDiagnostics);
  return { diagnostics: reported, files: all.reduce((n, share) => n + share.files, 0), ok: !hasErrors(diagnostics) };
}

function startWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(new URL('./check-worker.ts', import.meta.url)));
}

/** Shares of about this many files: small enough to even out at the end, big enough that messages cost nothing. */
function shareSize(files: number, threads: number): number {
  return Math.max(32, Math.min(256, Math.ceil(files / (threads * 16))));
}

/**
 * Hands out contiguous shares, in order, to the workers once they have loaded
 * and as they finish (two in flight each, so none waits for the next), and
 * checks shares on this thread between their messages — from the start, so a
 * small folder is done here before a worker is even ready; collects the
 * results by share.
 */
async function runShares(pool: Worker[], entries: ContentEntry[], codes: string[], today: string): Promise<BatchResult[]> {
  const size = shareSize(entries.length, pool.length + 1);
  const count = Math.ceil(entries.length / size);
  const results: BatchResult[] = new Array(count);
  const share = (index: number) => entries.slice(index * size, (index + 1) * size);
  let next = 0;
  let done = 0;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const finished = () => {
    done++;
    wake?.();
  };
  const fail = (error: Error) => {
    failed ??= error;
    wake?.();
  };
  const send = (worker: Worker) => {
    if (next >= count) return;
    const index = next++;
    const request: BatchRequest = { index, entries: share(index), codes, today };
    worker.postMessage(request);
  };
  for (const worker of pool) {
    worker.on('message', (message: { ready?: true; index: number; result?: BatchResult; error?: string }) => {
      if (message.ready) {
        // Two in flight, so a worker never waits for this thread to hand out the next.
        send(worker);
        send(worker);
        return;
      }
      if (message.error !== undefined || !message.result) return fail(new Error(`content check worker failed: ${message.error}`));
      results[message.index] = message.result;
      finished();
      send(worker);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (done < count) fail(new Error(`content check worker stopped (exit code ${code}) before it finished`));
    });
  }
  const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));
  while (next < count && !failed) {
    const index = next++;
    results[index] = checkBatch(share(index), new Set(codes), today);
    finished();
    await yieldToMessages();
  }
  while (done < count && !failed) await new Promise<void>((resolve) => (wake = resolve));
  if (failed) throw failed;
  return results;
}
