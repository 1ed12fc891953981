/** The passage extractor on the shapes real policies take: nesting, crossing paragraphs, headings, lists. */
import { describe, expect, test } from 'vitest';
import { extractPassages } from '../../src/core/passages/extract.ts';
import { toPlainText } from '../../src/core/passages/plain-text.ts';
import { scanSpans } from '../../src/core/passages/scan-spans.ts';

const codes = new Set(['open-formats', 'metadata', 'data-quality', 'timelines', 'oversight-authority', 'public-apis', 'bulk-data', 'funding']);
const extract = (body: string, bodyLine = 1) => extractPassages(body, { policy: 'p', file: 'p.md', codes, bodyLine });

describe('passage text and anchors', () => {
  test.each([
    {
      name: 'a plain span',
      body: 'Intro. <span class="g-open-formats">Publish in open formats.</span> Done.',
      expected: [['g-open-formats-1', 'Publish in open formats.']],
    },
    {
      name: 'nesting: every level is its own passage with the full inner text',
      body: '<span class="g-open-formats"><span class="g-metadata"><span class="g-data-quality">high quality data</span></span> and more</span>',
      expected: [['g-open-formats-1', 'high quality data and more'], ['g-metadata-1', 'high quality data'], ['g-data-quality-1', 'high quality data']],
    },
    {
      name: 'a span crossing a blank-line paragraph break is kept whole',
      body: '<span class="g-timelines">First paragraph.\n\nSecond paragraph.</span>',
      expected: [['g-timelines-1', 'First paragraph.\n\nSecond paragraph.']],
    },
    {
      name: 'a span crossing </p><p> is kept whole (an HTML parser would cut it)',
      body: '<p><span class="g-timelines">One.</p>\n<p>Two.</p><p>Three.</span></p>',
      expected: [['g-timelines-1', 'One.\n\nTwo.\n\nThree.']],
    },
    {
      name: 'a span in a Markdown heading',
      body: '## <span class="g-public-apis">Application programming interfaces</span>\n\nText.',
      expected: [['g-public-apis-1', 'Application programming interfaces']],
    },
    {
      name: 'two guideline classes on one span give two passages over the same text',
      body: '<span class="g-bulk-data g-public-apis">Bulk and API access.</span>',
      expected: [['g-bulk-data-1', 'Bulk and API access.'], ['g-public-apis-1', 'Bulk and API access.']],
    },
    {
      name: 'ordinals count per guideline, in document order',
      body: '<span class="g-funding">a</span> <span class="g-metadata">b</span> <span class="g-funding">c</span>',
      expected: [['g-funding-1', 'a'], ['g-metadata-1', 'b'], ['g-funding-2', 'c']],
    },
    {
      name: 'Markdown and entities are reduced to text',
      body: '<span class="g-funding">**Funds** &amp; [staff](https://example.org) &#8212; _enough_</span>',
      expected: [['g-funding-1', 'Funds & staff — enough']],
    },
    {
      name: 'definition spans are not passages',
      body: '<span class="def-data">Data: facts.</span>',
      expected: [],
    },
  ])('$name', ({ body, expected }) => {
    const { passages, diagnostics } = extract(body);
    expect(diagnostics).toEqual([]);
    expect(passages.map((p) => [p.anchor, p.text])).toEqual(expected);
  });
});

test('seven levels of nesting keep their depth and text', () => {
  const order = ['open-formats', 'metadata', 'data-quality', 'timelines', 'oversight-authority', 'public-apis', 'bulk-data'];
  const body = order.map((c) => `<span class="g-${c}">`).join('') + 'core' + '</span>'.repeat(7);
  const { passages } = extract(body);
  expect(passages.map((p) => [p.guideline, p.depth, p.text])).toEqual(order.map((c, i) => [c, i, 'core']));
});

test('positions are lines of the file, counted from the body start', () => {
  const { passages } = extract('line one\n\n  <span class="g-funding">x</span>', 12);
  expect(passages[0]).toMatchObject({ line: 14, column: 3 });
});

describe('span problems', () => {
  test.each([
    { name: 'unknown code with a suggestion', body: '<span class="g-meta-data">x</span>', rule: 'unknown-guideline', hint: 'g-metadata' },
    { name: 'the Hub\'s "guideline-metadata" wrapper', body: '<span class="guideline-metadata"><span class="g-metadata">x</span></span>', rule: 'unknown-span-class', hint: 'g-metadata' },
    { name: 'a tag broken into the class value', body: '<span class="g-<span class="g-funding">x</span>', rule: 'unknown-guideline' },
    { name: 'unclosed span', body: '<span class="g-funding">x', rule: 'unbalanced-span' },
    { name: 'stray close', body: 'x</span>', rule: 'unbalanced-span' },
  ])('$name → $rule', ({ body, rule, hint }) => {
    const { diagnostics } = extract(body);
    const hit = diagnostics.find((d) => d.rule === rule);
    expect(hit, JSON.stringify(diagnostics)).toBeDefined();
    if (hint) expect(hit!.hint).toContain(hint);
  });
});

test('scanSpans pairs tags by nesting, not by proximity', () => {
  const scan = scanSpans('<span class="a"><span class="b">x</span>y</span>');
  expect(scan.spans.map((s) => [s.classes[0], s.depth, s.parent])).toEqual([['a', 0, -1], ['b', 1, 0]]);
  expect(scan.problems).toEqual([]);
});

test('toPlainText keeps list items as separate paragraphs', () => {
  expect(toPlainText('<ol><li>One</li><li>Two</li></ol>')).toBe('One\n\nTwo');
  expect(toPlainText('- one\n- two\n\n1. three')).toBe('one two\n\nthree');
});

test('a passage serializes with its text and paragraph count, as the JSON downloads and API need', () => {
  const [outer, inner] = extract('<span class="g-timelines">One.\n\n<span class="g-metadata">Two.</span></span>').passages;
  expect(JSON.parse(JSON.stringify(outer))).toEqual({
    anchor: 'g-timelines-1', guideline: 'timelines', policy: 'p', ordinal: 1, text: 'One.\n\nTwo.', paragraphs: 2,
    line: 1, column: 1, depth: 0, start: outer!.start, end: outer!.end,
  });
  expect(JSON.parse(JSON.stringify(inner)).text).toBe('Two.');
  expect(inner!.depth).toBe(1);
});
