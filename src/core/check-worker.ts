/**
 * Worker thread of src/core/check-content.ts: checks each share of files it
 * is sent and posts the result back. Posts { ready } once loaded; then
 * { index, entries, codes, today } → { index, result } or { index, error }.
 */
import { enableCompileCache } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { ContentEntry } from './load/read-files-fs.ts';

export interface BatchRequest {
  index: number;
  entries: ContentEntry[];
  codes: string[];
  today: string;
}

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs as a worker thread (see check-content.ts)');
// Loading the checker (zod, YAML, the rules, type stripping) is most of a worker's start-up:
// Node's on-disk compile cache halves it from the second run on. Quiet when it cannot be used.
enableCompileCache();
const { checkBatch } = await import('./check-batch.ts');
// Shares are sent once the checker is loaded: until then the main thread checks them itself.
port.postMessage({ ready: true });
port.on('message', ({ index, entries, codes, today }: BatchRequest) => {
  try {
    port.postMessage({ index, result: checkBatch(entries, new Set(codes), today) });
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
