/**
 * Runs validateContent in a worker thread, so a test can stop it when it hangs
 * (a timer cannot interrupt a synchronous loop on the test's own thread).
 * workerData: { root, today }. Posts { ok, ms, diagnostics } or { error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateContent } from '../../src/core/validate.ts';

const { root, today } = workerData as { root: string; today: string };
try {
  const startedAt = performance.now();
  const result = await validateContent(root, { today });
  const ms = performance.now() - startedAt;
  parentPort!.postMessage({ ok: result.ok, ms, files: result.files, diagnostics: result.diagnostics });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
