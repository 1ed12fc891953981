/**
 * Fuzzing the validator with a fixed seed: random byte, line and tag-level
 * mutations of the project's own policies and FAQs (or the test fixture when
 * there are none yet). validateContent must accept or report — never throw,
 * never hang — and a body that validates must render without throwing, to
 * inert HTML. The loop runs in a worker with an overall time limit; a hang is
 * reported with the iteration and input that caused it.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, test } from 'vitest';
import { writeContentFixture } from '../support/content-fixture.ts';
import { repoRoot } from '../support/repo-root.ts';
import type { FuzzFailure } from './fuzz-worker.ts';
import { MUTATIONS, mutate, mutateSome, random } from './fuzz-mutations.ts';

const SEED = 0x5eed2026;
const ITERATIONS = 400;
const LIMIT_MS = 60_000;
const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** The content to mutate: a copy of content/ when it has policies or FAQs, else the fixture. */
async function fuzzFolder(): Promise<{ root: string; seeds: string[]; from: string }> {
  const content = path.join(repoRoot, 'content');
  const relatives = (await readdir(content, { recursive: true })).map((f) => f.split(path.sep).join('/'));
  const seeds = relatives.filter((f) => /^(policies\/[^/]+|faqs\/[^/]+\/[^/]+)\.md$/.test(f)).sort();
  if (seeds.length > 0) {
    const root = await mkdtemp(path.join(os.tmpdir(), 'kb-fuzz-'));
    await cp(content, root, { recursive: true });
    return { root, seeds, from: 'content/' };
  }
  const root = await writeContentFixture();
  return { root, seeds: ['policies/springfield-mo-2020-01-15.md', 'faqs/springfield-mo/records.md'], from: 'the test fixture' };
}

test('the mutations are deterministic for a seed', () => {
  const text = Buffer.from('---\ntitle: x\n---\n\n<span class="g-metadata">a</span>\n');
  const run = () => Array.from({ length: 20 }, (_, i) => mutateSome(text, random(SEED + i)).bytes.toString('hex'));
  expect(run()).toEqual(run());
  // And they do change things: every mutation kind, applied to this text, gives another text at least once.
  for (const name of MUTATIONS) {
    const rng = random(SEED);
    const changed = Array.from({ length: 10 }, () => !mutate(text, name, rng).equals(text)).some(Boolean);
    expect(changed, name).toBe(true);
  }
});

test(`${ITERATIONS} mutated files: validateContent accepts or reports, never throws or hangs; valid bodies render inert`, async () => {
  const { root, seeds, from } = await fuzzFolder();
  roots.push(root);
  const worker = new Worker(new URL('./fuzz-worker.ts', import.meta.url), {
    workerData: { root, seeds, iterations: ITERATIONS, seed: SEED, today: '2026-11-23' },
  });
  let last: { iteration: number; file: string; mutations: string[]; excerpt: string } | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await new Promise<
      | { type: 'done'; failures: FuzzFailure[]; accepted: number; refused: number; rendered: number; slowestMs: number; totalMs: number }
      | { type: 'timeout' }
      | { type: 'crash'; error: string }
    >((resolve) => {
      timer = setTimeout(() => resolve({ type: 'timeout' }), LIMIT_MS);
      worker.on('message', (message) => {
        if (message.type === 'at') last = message;
        else resolve(message);
      });
      worker.once('error', (error: Error) => resolve({ type: 'crash', error: error.stack ?? error.message }));
      worker.once('exit', (code) => resolve({ type: 'crash', error: `worker exited with ${code}` }));
    });
    if (outcome.type !== 'done') {
      throw new Error(`fuzz ${outcome.type} at iteration ${last?.iteration} (seed ${SEED}) on ${last?.file} after ${last?.mutations.join(', ')}:\n${last?.excerpt}\n${outcome.type === 'crash' ? outcome.error : ''}`);
    }
    console.log(
      `[fuzz] seed ${SEED.toString(16)}: ${ITERATIONS} iterations over ${seeds.length} files from ${from} in ${(outcome.totalMs / 1000).toFixed(1)} s ` +
        `(slowest ${outcome.slowestMs.toFixed(0)} ms): ${outcome.accepted} accepted, ${outcome.refused} refused with diagnostics, ${outcome.rendered} bodies rendered`,
    );
    expect(outcome.failures.slice(0, 5)).toEqual([]);
    // The mutations are not all trivially fatal or all harmless: both outcomes occur.
    expect(outcome.accepted).toBeGreaterThan(ITERATIONS / 20);
    expect(outcome.refused).toBeGreaterThan(ITERATIONS / 20);
    expect(outcome.rendered).toBeGreaterThan(0);
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}, 90_000);
