/** validateContent with a hard time limit: the run happens in a worker that is terminated when time is up. */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../src/core/diagnostics/diagnostic.ts';

export type BoundedValidation =
  | { kind: 'done'; ok: boolean; ms: number; files: number; diagnostics: Diagnostic[] }
  | { kind: 'threw'; error: string }
  | { kind: 'timeout'; limitMs: number };

export async function validateWithin(root: string, limitMs: number, today = '2026-11-23'): Promise<BoundedValidation> {
  const worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { workerData: { root, today } });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<BoundedValidation>((resolve) => {
      // Worker start-up (module loading) is not the validator's time: the limit starts when the worker is online.
      worker.once('online', () => {
        timer = setTimeout(() => resolve({ kind: 'timeout', limitMs }), limitMs);
      });
      worker.once('message', (message: { error?: string; ok: boolean; ms: number; files: number; diagnostics: Diagnostic[] }) => {
        resolve(message.error !== undefined ? { kind: 'threw', error: message.error } : { kind: 'done', ok: message.ok, ms: message.ms, files: message.files, diagnostics: message.diagnostics });
      });
      worker.once('error', (error: Error) => resolve({ kind: 'threw', error: error.stack ?? error.message }));
      worker.once('exit', (code) => resolve({ kind: 'threw', error: `worker exited with code ${code}` }));
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
