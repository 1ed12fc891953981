/**
 * Bodies rendered ahead on a worker thread (src/core/render/render-ahead.ts)
 * are the bodies rendered on the page's thread, whatever order the pages ask in
 * — in order, every nth (a build shard), shuffled — and nothing hangs or goes
 * wrong when the worker cannot start or a body fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildKnowledgeBase, validateContent, type KnowledgeBase } from '../../src/core/index.ts';
import { RENDER_AHEAD_STATS, RenderAhead, type RenderAheadOptions, type RenderAheadStats, type RenderSequence } from '../../src/core/render/render-ahead.ts';
import { runRenderJob, type RenderJob } from '../../src/core/render/render-jobs.ts';
import type { RuleContext } from '../../src/core/rules/context.ts';
import { writeAnalysisFixture } from './analysis/fixture.ts';
import { repoRoot } from '../support/repo-root.ts';
import { importSunlightSample, sunlightSamplePresent } from '../support/sunlight-sample.ts';

const WORKER = path.join(repoRoot, 'src/core/render/render-worker.ts');
const samplePresent = sunlightSamplePresent;

let dir: string;
let plain: KnowledgeBase;
let ahead: KnowledgeBase;
let stats: RenderAheadStats;
let codes: ReadonlySet<string>;
let context: RuleContext;
let policyJobs: RenderJob[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kb-render-ahead-'));
  if (samplePresent) {
    importSunlightSample(dir);
  }
  await writeAnalysisFixture({}, dir);
  const validated = await validateContent(dir);
  if (!validated.ok) throw new Error('fixture content has errors');
  context = validated.context;
  plain = buildKnowledgeBase(context);
  ahead = buildKnowledgeBase(context, { renderWorker: WORKER });
  stats = (globalThis as { [RENDER_AHEAD_STATS]?: RenderAheadStats })[RENDER_AHEAD_STATS]!;
  codes = context.codes;
  policyJobs = plain.policies.map((p) => ({ type: 'parts', body: p.doc.body, sourceCuts: plain.policyParts(p.id).sourceCuts }));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fresh RenderAhead over the policies' texts ("other": the same texts again, a second kind never primed here). */
function policiesAhead(workerFile: string = WORKER, jobs: RenderJob[] = policyJobs, options: RenderAheadOptions = {}): RenderAhead {
  const sequence: RenderSequence = { length: jobs.length, job: (i) => jobs[i]! };
  return new RenderAhead(workerFile, codes, { parts: sequence, other: sequence }, options);
}

/** Resolves once `done()` holds, checking every 20 ms (fails the test after a minute). */
async function until(done: () => boolean): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 60_000) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A little work on the "page" between bodies, as a page has, so the worker gets ahead. */
function page(): void {
  const until = performance.now() + 2;
  while (performance.now() < until);
}

test("the graph's bodies, pages asking in their build order, are those rendered without the worker; most came from it", () => {
  expect(plain.policies.length).toBeGreaterThan(samplePresent ? 50 : 5);
  expect(plain.faqs.length).toBeGreaterThan(3);
  for (const policy of plain.policies) {
    expect(ahead.renderPolicyParts(policy.id), policy.id).toEqual(plain.renderPolicyParts(policy.id));
    page();
  }
  for (const faq of plain.faqs) expect(ahead.render('faq', faq.id), faq.id).toEqual(plain.render('faq', faq.id));
  for (const place of plain.places) expect(ahead.render('place', place.id)).toEqual(plain.render('place', place.id));
  for (const contact of plain.contacts) expect(ahead.render('contact', contact.id)).toEqual(plain.render('contact', contact.id));
  for (const g of plain.guidelines) expect(ahead.render('guideline', g.code)).toEqual(plain.render('guideline', g.code));
  const followed = plain.policies.length + plain.faqs.length + plain.places.length + plain.contacts.length;
  expect(stats.worker + stats.inline).toBe(followed);
  expect(stats.worker).toBeGreaterThan(followed / 4);
});

test('a primed graph (as a build makes it) gives the same bodies, pages coming straight away in build order', () => {
  const primed = buildKnowledgeBase(context, { renderWorker: WORKER, primeRenderAhead: true });
  const primedStats = (globalThis as { [RENDER_AHEAD_STATS]?: RenderAheadStats })[RENDER_AHEAD_STATS]!;
  for (const contact of plain.contacts) expect(primed.render('contact', contact.id)).toEqual(plain.render('contact', contact.id));
  for (const faq of plain.faqs) expect(primed.render('faq', faq.id), faq.id).toEqual(plain.render('faq', faq.id));
  for (const place of plain.places) expect(primed.render('place', place.id)).toEqual(plain.render('place', place.id));
  for (const policy of plain.policies) expect(primed.renderPolicyParts(policy.id), policy.id).toEqual(plain.renderPolicyParts(policy.id));
  expect(primedStats.worker + primedStats.inline).toBe(plain.policies.length + plain.faqs.length + plain.places.length + plain.contacts.length);
});

describe('RenderAhead on its own', () => {
  const inline = (i: number) => runRenderJob(policyJobs[i]!, codes);

  test('every third body (a build shard of three): the same bodies', async () => {
    const renderer = policiesAhead();
    try {
      expect(renderer.render('parts', 1)).toEqual(inline(1));
      // The worker thread takes a while to start (longer on a busy machine): let it post one body ahead.
      await until(() => renderer.readyAhead() > 0);
      for (let i = 4; i < policyJobs.length; i += 3) expect(renderer.render('parts', i)).toEqual(inline(i));
      expect(renderer.stats.worker).toBeGreaterThan(0);
    } finally {
      await renderer.close();
    }
  });

  test('pages in a shuffled order: each gets its own body, never a neighbour’s', async () => {
    const order = policyJobs.map((_, i) => i);
    // A fixed shuffle (no randomness in tests): a stride coprime with most lengths, then reversed halves.
    order.sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101) || a - b);
    const renderer = policiesAhead();
    try {
      for (const i of order) expect(renderer.render('parts', i), String(i)).toEqual(inline(i));
    } finally {
      await renderer.close();
    }
  });

  test('primed before any page asks: the worker renders them meanwhile, and each is kept for its page, whatever the order', async () => {
    const renderer = policiesAhead(WORKER, policyJobs, { prime: ['parts'] });
    try {
      await until(() => renderer.primedLeft() === 0);
      // Backwards: the lookahead misreads the order and its results are dropped; primed ones are not.
      for (let i = policyJobs.length - 1; i >= 0; i--) expect(renderer.render('parts', i), String(i)).toEqual(inline(i));
      expect(renderer.stats).toMatchObject({ worker: policyJobs.length, inline: 0 });
    } finally {
      await renderer.close();
    }
  });

  test('priming keeps to its budget of source bytes, moves on as pages take bodies, and primed bodies waiting for their pages do not hold up the lookahead', async () => {
    const budget = policyJobs.slice(0, 3).reduce((n, job) => n + job.body.length, 0);
    const renderer = policiesAhead(WORKER, policyJobs, { prime: ['parts', 'other'], primeBytes: budget });
    try {
      await until(() => renderer.primedLeft() === 0);
      // Only the first three were primed: the fourth was not sent before their pages came, so it is rendered here.
      for (let i = 0; i < 4; i++) expect(renderer.render('parts', i)).toEqual(inline(i));
      expect(renderer.stats).toMatchObject({ worker: 3, inline: 1 });
      // Each body taken made room for the next in the priming order; "parts" was passed, so "other" was primed.
      for (let i = 4; i < policyJobs.length; i++) renderer.render('parts', i);
      await until(() => renderer.primedLeft() === 0);
      const before = renderer.stats.worker;
      // Backwards, so the lookahead brings nothing: whatever comes from the worker was primed.
      for (let i = policyJobs.length - 1; i >= 0; i--) expect(renderer.render('other', i)).toEqual(inline(i));
      expect(renderer.stats.worker - before).toBeGreaterThanOrEqual(1);
      const all = policiesAhead(WORKER, policyJobs, { prime: ['parts'] });
      try {
        await until(() => all.primedLeft() === 0);
        // Every "parts" body waits for a page that has not come; "other" pages still get bodies from the worker.
        for (let i = 0; i < policyJobs.length; i++) {
          expect(all.render('other', i)).toEqual(inline(i));
          page();
        }
        expect(all.stats.worker).toBeGreaterThan(policyJobs.length / 4);
        for (let i = 0; i < policyJobs.length; i++) expect(all.render('parts', i)).toEqual(inline(i));
      } finally {
        await all.close();
      }
    } finally {
      await renderer.close();
    }
  });

  test('a worker that cannot start: every body is rendered on the page thread, nothing waits', async () => {
    const renderer = policiesAhead(path.join(repoRoot, 'src/core/render/no-such-worker.ts'));
    try {
      const started = performance.now();
      for (let i = 0; i < Math.min(20, policyJobs.length); i++) expect(renderer.render('parts', i)).toEqual(inline(i));
      expect(renderer.stats.worker).toBe(0);
      expect(performance.now() - started).toBeLessThan(30_000);
    } finally {
      await renderer.close();
    }
  });

  test('a body that fails on the worker fails on the page thread with its own error', async () => {
    // Not a string: the renderer throws wherever it runs.
    const jobs: RenderJob[] = [...policyJobs.slice(0, 3), { type: 'body', body: undefined as unknown as string }, ...policyJobs.slice(3, 6)];
    const renderer = policiesAhead(WORKER, jobs);
    let expected: unknown;
    try {
      runRenderJob(jobs[3]!, codes);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(Error);
    try {
      for (let i = 0; i < 3; i++) renderer.render('parts', i);
      // Let the worker reach the failing job first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(() => renderer.render('parts', 3)).toThrow((expected as Error).message);
      expect(renderer.render('parts', 4)).toEqual(runRenderJob(jobs[4]!, codes));
    } finally {
      await renderer.close();
    }
  });
});
