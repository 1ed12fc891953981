/**
 * Renders bodies on a second thread ahead of the pages that show them.
 *
 * Astro renders a build's pages one after another on one thread, and half of
 * that time is our Markdown (micromark, then parse5 for the raw HTML of pasted
 * policies). Pages of one kind come in the order of their list (getStaticPaths
 * walks kb.policies, kb.faqs, …), so when a page asks for body i, bodies i+1,
 * i+2, … are next: a worker thread (render-worker.ts) renders those while the
 * main thread renders the page around body i.
 *
 * The main thread never waits for work the worker has not started: a job still
 * queued when its page arrives is taken back and rendered on the spot (the
 * worker then skips it), so a slow worker costs nothing but the messages. The
 * worker takes the newest job first, so the two share the bodies between them
 * rather than the main thread catching up and waiting on the worker. A job
 * the worker is rendering is waited for, synchronously (Atomics.wait, then the
 * result read with receiveMessageOnPort), since pages ask for bodies without
 * awaiting. Results are plain data rendered by the same runRenderJob, so a page
 * is the same bytes whichever thread rendered its body.
 *
 * Before the first page, Astro calls every route's getStaticPaths (version
 * diffs, pickers, paging plans: a fifth of a 10k build) and the worker would sit
 * idle. So the graph primes it: the first bodies of each kind, in build order,
 * up to a budget of source bytes, are queued at once, and each body a page takes
 * makes room for the next ones in that order. Newest first, the worker works at
 * the far end of that stretch while the main thread works forward from its start
 * once pages come, so neither waits on the other and the worker is never out of
 * work. Which order the routes come in only moves where the two meet.
 *
 * Memory stays bounded: primed bodies up to their byte budget, then at most
 * LOOKAHEAD jobs out at once, and results nobody asked for are dropped past a
 * few more (primed ones are kept until their page comes).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CELL, SLOT, slotCell, type AheadInit, type AheadJob, type AheadResult } from './render-ahead-protocol.ts';
import { runRenderJob, type RenderJob, type RenderResult } from './render-jobs.ts';

/** One kind of body, in the order its pages are built. */
export interface RenderSequence {
  length: number;
  job: (index: number) => RenderJob;
}

export interface RenderAheadStats {
  /** Bodies the worker rendered and a page used. */
  worker: number;
  /** Bodies the main thread rendered (not asked ahead, or reached before the worker started them). */
  inline: number;
  /** Time the main thread waited for a body the worker was rendering. */
  waitedMs: number;
}

/** Jobs out at once: enough to keep the worker busy while the main thread renders a few pages. */
const LOOKAHEAD = 12;
/**
 * Source characters of the primed bodies waiting for their pages at any time: their jobs and rendered
 * results are held until then, so this bounds that memory (+0.35 GB at 10k, where it is most of the bodies).
 */
export const PRIME_SOURCE_BYTES = 48 * 1024 * 1024;

export interface RenderAheadOptions {
  /** Sequences whose first bodies to queue at once, in the order their pages are built. */
  prime?: readonly string[];
  /** Source characters of the primed bodies waiting for their pages at any time (PRIME_SOURCE_BYTES). */
  primeBytes?: number;
}
/** Job slots in the shared state; a slot is reused every SLOTS jobs. */
const SLOTS = 4096;
/** Longest wait for one body before the main thread gives up on the worker and renders alone. */
const WAIT_LIMIT_MS = 60_000;

/** Where builds find the stats of the render-ahead in their process (the bench reports them). */
export const RENDER_AHEAD_STATS = Symbol.for('civic-kb.render-ahead-stats');

/** How many of the first bodies of `names`, in that order, fit in `budget` characters of source. */
function countFitting(sequences: Record<string, RenderSequence>, names: readonly string[], budget: number): number {
  let used = 0;
  let count = 0;
  for (const name of names) {
    const sequence = sequences[name]!;
    for (let index = 0; index < sequence.length; index++) {
      used += sequence.job(index).body.length;
      if (used > budget) return count;
      count++;
    }
  }
  return count;
}

export class RenderAhead {
  readonly stats: RenderAheadStats = { worker: 0, inline: 0, waitedMs: 0 };
  readonly #codes: ReadonlySet<string>;
  readonly #sequences: Record<string, RenderSequence>;
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #jobs: MessagePort;
  readonly #state: Int32Array;
  readonly #slots: number;
  #seq = 0;
  /** Jobs sent and not yet used, by key ("<sequence>:<index>"). */
  readonly #sent = new Map<string, number>();
  readonly #keyOf = new Map<number, string>();
  readonly #results = new Map<number, AheadResult>();
  /** Results of primed jobs, kept until their page comes (bounded by the priming budget). */
  readonly #primedResults = new Map<number, AheadResult>();
  /** Per sequence: the last index asked for and the step between asks (a build shard takes every nth). */
  readonly #cursors = new Map<string, { last: number; step: number }>();
  /** Primed jobs not yet used, with their source length: outside the lookahead's count, their results never dropped. */
  readonly #primed = new Map<number, number>();
  /** Source characters of the primed jobs not yet used (at most the budget). */
  #primedBytes = 0;
  readonly #primeBudget: number;
  /** Where priming goes on: the kinds in build order, the kind and the body it has reached. */
  readonly #primeOrder: readonly string[];
  #primeAt = { name: 0, index: 0 };
  #broken = false;

  constructor(workerFile: string | URL, codes: ReadonlySet<string>, sequences: Record<string, RenderSequence>, options: RenderAheadOptions = {}) {
    this.#codes = codes;
    this.#sequences = sequences;
    this.#primeOrder = options.prime ?? [];
    this.#primeBudget = options.primeBytes ?? PRIME_SOURCE_BYTES;
    // Slots for the primed jobs on top (twice as many as the first fit, as later bodies may be smaller): a
    // primed job may wait long for its page. A slot reused too soon is safe, only slower (slotCell).
    this.#slots = SLOTS + 2 * countFitting(sequences, this.#primeOrder, this.#primeBudget);
    const buffer = new SharedArrayBuffer(4 * (CELL.firstSlot + this.#slots));
    this.#state = new Int32Array(buffer);
    const results = new MessageChannel();
    const jobs = new MessageChannel();
    this.#port = results.port1;
    this.#jobs = jobs.port1;
    const init: AheadInit = { codes: [...codes], state: buffer, slots: this.#slots, jobs: jobs.port2, results: results.port2 };
    this.#worker = new Worker(workerFile, { workerData: init, transferList: [jobs.port2, results.port2] });
    // A build ends with process.exit; the worker must not keep anything else alive.
    this.#worker.unref();
    this.#worker.on('error', () => {
      this.#broken = true;
    });
    (globalThis as { [RENDER_AHEAD_STATS]?: RenderAheadStats })[RENDER_AHEAD_STATS] = this.stats;
    this.#topUpPrimed();
  }

  /**
   * Primes the next bodies in build order while their source fits in the budget: at the start, then each
   * time a page takes a primed body, so the worker always has the next stretch of the build to work on.
   * Bodies a page has already passed (its kind's pages are further on) are skipped.
   */
  #topUpPrimed(): void {
    if (this.#broken) return;
    for (; this.#primeAt.name < this.#primeOrder.length; this.#primeAt = { name: this.#primeAt.name + 1, index: 0 }) {
      const name = this.#primeOrder[this.#primeAt.name]!;
      const sequence = this.#sequences[name]!;
      const passed = this.#cursors.get(name)?.last ?? -1;
      for (; this.#primeAt.index < sequence.length; this.#primeAt.index++) {
        const index = this.#primeAt.index;
        const key = `${name}:${index}`;
        if (index <= passed || this.#sent.has(key)) continue;
        const job = sequence.job(index);
        if (this.#primedBytes + job.body.length > this.#primeBudget && this.#primed.size > 0) return;
        this.#primed.set(this.#send(key, job), job.body.length);
        this.#primedBytes += job.body.length;
      }
    }
  }

  /** Queues a job for the worker; returns its number. */
  #send(key: string, job: RenderJob): number {
    const seq = ++this.#seq;
    Atomics.store(this.#state, CELL.firstSlot + (seq % this.#slots), slotCell(seq, SLOT.queued));
    this.#sent.set(key, seq);
    this.#keyOf.set(seq, key);
    this.#jobs.postMessage({ seq, job } satisfies AheadJob);
    Atomics.add(this.#state, CELL.jobs, 1);
    Atomics.notify(this.#state, CELL.jobs);
    return seq;
  }

  /** Body `index` of `sequence`: the worker's if it has it or is on it, else rendered here. */
  render(sequence: string, index: number): RenderResult {
    const key = `${sequence}:${index}`;
    const ready = this.#take(key);
    // Ask for the next ones before rendering this one here, so the worker works meanwhile.
    this.#askAhead(sequence, index);
    this.#topUpPrimed();
    if (ready) {
      this.stats.worker += 1;
      return ready;
    }
    this.stats.inline += 1;
    return runRenderJob(this.#sequences[sequence]!.job(index), this.#codes);
  }

  /** Primed bodies the worker has not finished yet (reads the results posted so far). */
  primedLeft(): number {
    this.#drain(-1);
    return this.#primed.size - this.#primedResults.size;
  }

  /** Results the worker has posted that no page has taken yet (reads the results posted so far). */
  readyAhead(): number {
    this.#drain(-1);
    return this.#results.size + this.#primedResults.size;
  }

  async close(): Promise<void> {
    this.#broken = true;
    this.#port.close();
    this.#jobs.close();
    await this.#worker.terminate();
  }

  #take(key: string): RenderResult | undefined {
    const seq = this.#sent.get(key);
    if (seq === undefined) return undefined;
    this.#sent.delete(key);
    this.#keyOf.delete(seq);
    const results = this.#primed.has(seq) ? this.#primedResults : this.#results;
    try {
      return this.#await(seq, results);
    } finally {
      this.#primedBytes -= this.#primed.get(seq) ?? 0;
      this.#primed.delete(seq);
      this.#primedResults.delete(seq);
    }
  }

  /** Job `seq`'s result, waited for if the worker is on it; undefined if it is still queued (taken back) or failed. */
  #await(seq: number, results: Map<number, AheadResult>): RenderResult | undefined {
    const slot = CELL.firstSlot + (seq % this.#slots);
    // Still queued: take it back and render it here; the worker will skip it.
    const was = Atomics.compareExchange(this.#state, slot, slotCell(seq, SLOT.queued), slotCell(seq, SLOT.main));
    if (was !== slotCell(seq, SLOT.working) && was !== slotCell(seq, SLOT.done)) return undefined;
    const started = performance.now();
    try {
      for (;;) {
        const posted = Atomics.load(this.#state, CELL.results);
        this.#drain(seq);
        const result = results.get(seq);
        if (result) {
          results.delete(seq);
          // A body that failed on the worker fails again here, with its context.
          return 'result' in result ? result.result : undefined;
        }
        if (this.#broken || performance.now() - started > WAIT_LIMIT_MS) {
          this.#broken = true;
          return undefined;
        }
        Atomics.wait(this.#state, CELL.results, posted, 1000);
      }
    } finally {
      this.stats.waitedMs += performance.now() - started;
    }
  }

  /** Reads the results posted so far; `waitingFor` is the job a page is waiting on, whose result is never dropped. */
  #drain(waitingFor: number): void {
    for (let message = receiveMessageOnPort(this.#port); message; message = receiveMessageOnPort(this.#port)) {
      const result = message.message as AheadResult;
      (this.#primed.has(result.seq) ? this.#primedResults : this.#results).set(result.seq, result);
    }
    // Results nobody will ask for (pages that did not come in the expected order): the oldest go.
    for (const seq of this.#results.keys()) {
      if (this.#results.size <= 2 * LOOKAHEAD) break;
      if (seq === waitingFor) continue;
      if (this.#keyOf.has(seq)) this.#sent.delete(this.#keyOf.get(seq)!);
      this.#keyOf.delete(seq);
      this.#results.delete(seq);
    }
  }

  #askAhead(name: string, index: number): void {
    if (this.#broken) return;
    const sequence = this.#sequences[name]!;
    const cursor = this.#cursors.get(name);
    const gap = cursor ? index - cursor.last : 1;
    const step = gap >= 1 && gap <= 64 ? gap : (cursor?.step ?? 1);
    this.#cursors.set(name, { last: index, step });
    for (let k = 1; k <= LOOKAHEAD && this.#sent.size - this.#primed.size < 2 * LOOKAHEAD; k++) {
      const next = index + k * step;
      if (next >= sequence.length) break;
      const key = `${name}:${next}`;
      if (!this.#sent.has(key)) this.#send(key, sequence.job(next));
    }
  }
}
