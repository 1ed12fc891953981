/**
 * A worker thread of search-index.ts: writes the bundles it is sent, one at a
 * time, with its own Pagefind indexer (search-bundle.ts). For each bundle it
 * reports "written" and waits for "close" (the bench reads the indexer's memory
 * in between), then reports "done", or "error" with the message.
 */
import { parentPort } from 'node:worker_threads';
import { writeBundle, type BundleJob } from './search-bundle.ts';

export type ToWorker = { type: 'bundle'; job: BundleJob } | { type: 'close' };
export type FromWorker = { type: 'written' } | { type: 'done' } | { type: 'error'; message: string };

const port = parentPort!;
let closeNow: (() => void) | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    closeNow?.();
    return;
  }
  const post = (reply: FromWorker) => port.postMessage(reply);
  writeBundle(message.job, () =>
    new Promise<void>((resolve) => {
      closeNow = resolve;
      post({ type: 'written' });
    }),
  ).then(
    () => post({ type: 'done' }),
    (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
