/**
 * The fuzz loop, in a worker so the test can stop it if an input hangs the
 * validator (and name that input). workerData: { root, seeds, iterations,
 * seed, today }. For each iteration: mutate one seed file in place, run
 * validateContent on the folder, check every diagnostic is well formed, and
 * when the mutated file validates, render its body and check the HTML is
 * inert. Posts { type: 'at', … } before each iteration and { type: 'done', … }
 * at the end.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../../src/core/diagnostics/diagnostic.ts';
import { renderBody } from '../../src/core/render/render-body.ts';
import { validateContent } from '../../src/core/validate.ts';
import { mutateSome, random } from './fuzz-mutations.ts';
import { findActiveMarkupInBody } from './inert-html.ts';

interface Input {
  root: string;
  /** Paths relative to root of the files to mutate. */
  seeds: string[];
  iterations: number;
  seed: number;
  today: string;
}

export interface FuzzFailure {
  iteration: number;
  file: string;
  mutations: string[];
  problem: string;
  /** The start of the mutated file, to reproduce by hand. */
  excerpt: string;
}

const { root, seeds, iterations, seed, today } = workerData as Input;
const rng = random(seed);
const failures: FuzzFailure[] = [];
const originals = new Map<string, Buffer>();
for (const relative of seeds) originals.set(relative, await readFile(path.join(root, relative)));

function malformed(d: Diagnostic): string | undefined {
  if (typeof d.file !== 'string' || !d.file) return 'no file';
  if (!Number.isInteger(d.line) || d.line < 1 || !Number.isInteger(d.column) || d.column < 1) return `bad position ${d.line}:${d.column}`;
  if (!/^[a-z][a-z-]*$/.test(d.rule)) return `bad rule "${d.rule}"`;
  if (d.severity !== 'error' && d.severity !== 'warning') return `bad severity "${String(d.severity)}"`;
  if (typeof d.message !== 'string' || d.message.trim().length < 3) return 'no message';
  return undefined;
}

let accepted = 0;
let refused = 0;
let rendered = 0;
let slowestMs = 0;
const startedAt = performance.now();
for (let iteration = 0; iteration < iterations; iteration++) {
  const relative = seeds[iteration % seeds.length]!;
  const original = originals.get(relative)!;
  const { bytes, applied } = mutateSome(original, rng);
  parentPort!.postMessage({ type: 'at', iteration, file: relative, mutations: applied, excerpt: bytes.subarray(0, 400).toString('utf8') });
  const file = path.join(root, relative);
  await writeFile(file, bytes);
  const fail = (problem: string) =>
    failures.push({ iteration, file: relative, mutations: applied, problem, excerpt: bytes.subarray(0, 400).toString('utf8') });
  const iterationStart = performance.now();
  try {
    const result = await validateContent(root, { today });
    for (const d of result.diagnostics) {
      const why = malformed(d);
      if (why) fail(`malformed diagnostic (${why}): ${JSON.stringify(d)}`);
    }
    const errorsHere = result.diagnostics.filter((d) => d.severity === 'error' && d.file.endsWith(relative));
    if (errorsHere.length) refused++;
    else accepted++;
    const doc = result.documents.find((d) => d.file.endsWith(relative));
    if (!errorsHere.length && doc && (doc.kind === 'policy' || doc.kind === 'faq')) {
      const sources = doc.kind === 'faq' ? new Set(doc.data.sources.map((s) => s.n)) : undefined;
      try {
        const { html } = renderBody(doc.body, result.context.codes, { sources });
        rendered++;
        const active = findActiveMarkupInBody(html);
        if (active.length) fail(`rendered body is not inert: ${JSON.stringify(active.slice(0, 3))}`);
      } catch (error) {
        fail(`renderBody threw on a body that validates: ${(error as Error).stack ?? String(error)}`);
      }
    }
  } catch (error) {
    fail(`validateContent threw: ${(error as Error).stack ?? String(error)}`);
  }
  slowestMs = Math.max(slowestMs, performance.now() - iterationStart);
  await writeFile(file, original);
}
parentPort!.postMessage({ type: 'done', failures, accepted, refused, rendered, slowestMs, totalMs: performance.now() - startedAt });
