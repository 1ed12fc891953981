/**
 * The render-ahead worker thread (render-ahead.ts): renders the bodies the
 * build's pages will ask for next while the main thread renders the pages.
 *
 * It takes the newest job first. The main thread walks its pages in order and
 * takes back, to render itself, any job still queued when its page comes; so
 * the worker works at the far end of what was asked, and the main thread finds
 * those done when it gets there. Taken oldest-first, the main thread would
 * catch up with the worker and wait on it body after body.
 *
 * Each job has a slot in a shared Int32Array; the worker takes a job only if it
 * can swap the slot from queued to working. A result is posted on the result
 * port before the slot says done and the results counter moves, so the main
 * thread, woken by the counter, can read it synchronously.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { CELL, SLOT, slotCell, type AheadInit, type AheadJob } from './render-ahead-protocol.ts';
import { runRenderJob } from './render-jobs.ts';

const init = workerData as AheadInit;
const codes = new Set(init.codes);
const state = new Int32Array(init.state);
const slotOf = (seq: number) => CELL.firstSlot + (seq % init.slots);

/**
 * Jobs received and not yet done, oldest first: the main thread posts them in order of their numbers, so
 * the newest is always last (a build primes thousands at once; a search of them per job was quadratic).
 */
const pending: AheadJob[] = [];

function receive(): void {
  for (let message = receiveMessageOnPort(init.jobs); message; message = receiveMessageOnPort(init.jobs)) pending.push(message.message as AheadJob);
}

/** The newest job still queued; jobs the main thread took back are dropped on the way. */
function newest(): AheadJob | undefined {
  for (let job = pending.pop(); job; job = pending.pop()) {
    if (Atomics.load(state, slotOf(job.seq)) === slotCell(job.seq, SLOT.queued)) return job;
  }
  return undefined;
}

for (;;) {
  const posted = Atomics.load(state, CELL.jobs);
  receive();
  const job = newest();
  if (!job) {
    // Nothing to do until the main thread posts a job (the timeout only bounds a missed wake-up).
    Atomics.wait(state, CELL.jobs, posted, 1000);
    continue;
  }
  const slot = slotOf(job.seq);
  // The main thread may take it back between the look above and this swap.
  if (Atomics.compareExchange(state, slot, slotCell(job.seq, SLOT.queued), slotCell(job.seq, SLOT.working)) !== slotCell(job.seq, SLOT.queued)) continue;
  try {
    init.results.postMessage({ seq: job.seq, result: runRenderJob(job.job, codes) });
  } catch (error) {
    // The main thread renders it again itself, where the error carries its context.
    init.results.postMessage({ seq: job.seq, error: error instanceof Error ? error.message : String(error) });
  }
  Atomics.compareExchange(state, slot, slotCell(job.seq, SLOT.working), slotCell(job.seq, SLOT.done));
  Atomics.add(state, CELL.results, 1);
  Atomics.notify(state, CELL.results);
}
