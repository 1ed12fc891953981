/** What the render-ahead main side (render-ahead.ts) and its worker (render-worker.ts) share. */
import type { MessagePort } from 'node:worker_threads';
import type { RenderJob, RenderResult } from './render-jobs.ts';

/** A job slot's states. */
export const SLOT = { free: 0, queued: 1, working: 2, done: 3, main: 4 } as const;

/** The shared state's Int32 cells: two counters the threads wait on, then a cell per job slot. */
export const CELL = {
  /** Results posted by the worker (the main thread waits on it for a body the worker is rendering). */
  results: 0,
  /** Jobs posted by the main thread (the worker waits on it when it has nothing to do). */
  jobs: 1,
  firstSlot: 2,
} as const;

/**
 * A slot's Int32 cell: the job's number and its state together, so that a message about an older job that
 * used the slot fails its compare-and-swap instead of taking over the newer job.
 */
export const slotCell = (seq: number, state: number): number => ((seq % 0x0fffffff) << 3) | state;

export interface AheadInit {
  codes: string[];
  /** SharedArrayBuffer of CELL.firstSlot + slots Int32 cells. */
  state: SharedArrayBuffer;
  slots: number;
  /** The port jobs arrive on (read synchronously by the worker). */
  jobs: MessagePort;
  /** The port results are posted on (read synchronously by the main thread). */
  results: MessagePort;
}

export interface AheadJob {
  seq: number;
  job: RenderJob;
}

export type AheadResult = { seq: number; result: RenderResult } | { seq: number; error: string };
