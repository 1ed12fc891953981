/**
 * Long policy texts cut into parts (src/core/render/policy-parts.ts): where the
 * cuts fall, that nothing is lost or doubled, that every passage's anchor is on
 * the part the plan names, and — on the Sunlight sample when present — that the
 * same holds for every real policy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/core/index.ts';
import { extractPassages } from '../../src/core/passages/extract.ts';
import { scanSpans } from '../../src/core/passages/scan-spans.ts';
import { partAt, planPolicyParts, type PartLimits } from '../../src/core/render/policy-parts.ts';
import { renderBody, renderBodyParts } from '../../src/core/render/render-body.ts';
import { splitSpansAtBlocks } from '../../src/core/render/split-spans.ts';
import { importSunlightSample, SUNLIGHT_SAMPLE, sunlightSamplePresent } from '../support/sunlight-sample.ts';

const CODES = new Set(['open-formats', 'metadata', 'timelines', 'funding']);
const SMALL: PartLimits = { first: 1_500, rest: 2_000 };

/** Words of rendered HTML, tags dropped: what a reader gets, part by part or whole. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);

function plan(body: string, limits = SMALL) {
  const scan = scanSpans(body);
  const split = splitSpansAtBlocks(body, scan, CODES);
  const { passages } = extractPassages(body, { policy: 'p', codes: CODES, file: 'p.md' }, scan);
  const parts = planPolicyParts(body, split, passages, limits);
  return { passages, parts, rendered: renderBodyParts(body, CODES, parts.sourceCuts, split) };
}

const paragraph = (i: number) =>
  `Paragraph ${i}: the city shall keep this record in an open format and say when it was last updated, as section ${i} requires.`;

describe('planning parts', () => {
  test('a text that fits is one part, rendered exactly as the whole body', () => {
    const body = `## Purpose\n\n<span class="g-open-formats">${paragraph(1)}</span>\n`;
    const { parts, rendered } = plan(body);
    expect(parts.cuts).toEqual([]);
    expect(rendered).toEqual([renderBody(body, CODES)]);
  });

  test('a long text is cut at headings, and every word appears once, in order', () => {
    const sections = Array.from({ length: 8 }, (_, s) => `## Section ${s + 1}\n\n${Array.from({ length: 4 }, (_, i) => paragraph(s * 10 + i)).join('\n\n')}`);
    const body = sections.join('\n\n');
    const { parts, rendered } = plan(body);
    expect(parts.cuts.length).toBeGreaterThan(1);
    for (const cut of parts.cuts) expect(body.slice(cut, cut + 3)).toBe('## ');
    expect(rendered.flatMap((r) => words(r.html))).toEqual(words(renderBody(body, CODES).html));
    // Each part's contents name its own headings.
    expect(rendered.flatMap((r) => r.toc.map((t) => t.text))).toEqual(sections.map((_, s) => `Section ${s + 1}`));
  });

  test('without headings it cuts between paragraphs; a passage crossing the cut keeps its anchor on the part that opens it', () => {
    const body = `<span class="g-timelines">${Array.from({ length: 30 }, (_, i) => paragraph(i)).join('\n\n')}</span>\n\n<span class="g-funding">${paragraph(99)}</span>`;
    const { passages, parts, rendered } = plan(body);
    expect(parts.cuts.length).toBeGreaterThan(1);
    const timelines = passages.find((p) => p.guideline === 'timelines')!;
    expect(partAt(parts, timelines.start)).toBe(1);
    expect(rendered[0]!.html).toContain('id="g-timelines-1"');
    // Later parts carry the passage on, marked as a continuation, without the anchor.
    for (const later of rendered.slice(1, -1)) {
      expect(later.html).toContain('data-passage="g-timelines-1" data-cont=""');
      expect(later.html).not.toContain('id="g-timelines-1"');
    }
    const funding = passages.find((p) => p.guideline === 'funding')!;
    expect(rendered[partAt(parts, funding.start) - 1]!.html).toContain('id="g-funding-1"');
    expect(rendered.flatMap((r) => words(r.html))).toEqual(words(renderBody(body, CODES).html));
  });

  test('pasted HTML with every paragraph on one line is cut between its paragraphs', () => {
    const body = Array.from({ length: 40 }, (_, i) => `<p>${paragraph(i)}</p>`).join(' ');
    const { parts, rendered } = plan(body);
    expect(parts.cuts.length).toBeGreaterThan(1);
    for (const cut of parts.cuts) expect(body.slice(cut, cut + 3)).toBe('<p>');
    for (const part of rendered) expect(part.html.trim()).toMatch(/^<p>[\s\S]*<\/p>$/);
  });

  test.each([
    ['an HTML list', (inner: string) => `<ol>\n\n${inner}\n\n</ol>`, '<li>'],
    ['a fenced block', (inner: string) => `\`\`\`\n${inner}\n\`\`\``, ''],
    ['an HTML comment', (inner: string) => `<!--\n\n${inner}\n\n-->`, ''],
  ])('never inside %s', (_name, wrap, item) => {
    const inner = Array.from({ length: 30 }, (_, i) => `${item}${paragraph(i)}${item ? '</li>' : ''}`).join('\n\n');
    const body = `## Before\n\n${paragraph(1)}\n\n${wrap(inner)}\n\n## After\n\n${paragraph(2)}`;
    const start = body.indexOf(inner);
    const end = start + inner.length;
    const { parts } = plan(body);
    for (const cut of parts.cuts) expect(cut < start || cut > end).toBe(true);
  });

  test('a block longer than a part becomes a part of its own, and the rest is still cut', () => {
    const long = `<span class="g-metadata">${Array.from({ length: 40 }, (_, i) => paragraph(i)).join(' ')}</span>`;
    const body = [paragraph(1), long, ...Array.from({ length: 20 }, (_, i) => paragraph(100 + i))].join('\n\n');
    const { parts, rendered } = plan(body);
    const holding = rendered.filter((r) => r.html.includes('id="g-metadata-1"'));
    expect(holding).toHaveLength(1);
    expect(words(holding[0]!.html)).toHaveLength(words(renderBody(long, CODES).html).length);
    expect(parts.cuts.length).toBeGreaterThan(2);
  });

  test('headings move down alike in every part (the text uses h1, a later part only h2)', () => {
    const body = `# Title\n\n${Array.from({ length: 12 }, (_, i) => paragraph(i)).join('\n\n')}\n\n## Later\n\n${Array.from({ length: 12 }, (_, i) => paragraph(i)).join('\n\n')}`;
    const { rendered } = plan(body);
    expect(rendered.length).toBeGreaterThan(1);
    const later = rendered.find((r) => r.html.includes('>Later<'))!;
    expect(later.html).toContain('<h3 id="later">Later</h3>');
    expect(rendered[0]!.html).toContain('<h2 id="title">Title</h2>');
  });

  test('reference-style links resolve in every part', () => {
    const body = `${Array.from({ length: 30 }, (_, i) => `${paragraph(i)} See [the portal][portal].`).join('\n\n')}\n\n[portal]: https://data.example.org/`;
    const { rendered } = plan(body);
    expect(rendered.length).toBeGreaterThan(1);
    for (const part of rendered) expect(part.html).toContain('href="https://data.example.org/"');
  });
});

const SAMPLE = SUNLIGHT_SAMPLE;
const samplePresent = sunlightSamplePresent;
if (!samplePresent) console.warn(`skipped: the Sunlight Hub sample is not at ${SAMPLE}`);

describe.skipIf(!samplePresent)('parts of the Sunlight sample (../shared/sunlight-sample)', () => {
  let dir = '';
  let kb: KnowledgeBase;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-parts-'));
    importSunlightSample(dir);
    kb = (await loadKnowledgeBase(dir)).kb;
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('the long policies are cut, and each part holds exactly the anchors the plan gives it', () => {
    const split = kb.policies.filter((p) => kb.policyParts(p.id).cuts.length > 0);
    // The sample's longest texts (washington-dc, wichita-ks, austin-tx…) pass one page.
    expect(split.length).toBeGreaterThan(10);
    for (const policy of split) {
      const parts = kb.renderPolicyParts(policy.id);
      expect(parts).toHaveLength(kb.policyParts(policy.id).cuts.length + 1);
      for (const passage of policy.passages) {
        const holding = parts.flatMap((r, i) => (r.html.includes(`id="${passage.anchor}"`) ? [i + 1] : []));
        expect(holding, `${policy.id} ${passage.anchor}`).toEqual([kb.partOf(passage)]);
      }
    }
  });

  test('no word of a policy is lost or repeated by the cuts', () => {
    for (const policy of kb.policies) {
      const whole = words(kb.render('policy', policy.id).html);
      expect(kb.renderPolicyParts(policy.id).flatMap((r) => words(r.html)), policy.id).toEqual(whole);
    }
  });
});
