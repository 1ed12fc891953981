/** One table per repair: input body → repaired body and the count reported. */
import { describe, expect, test } from 'vitest';
import {
  balanceParagraphs,
  fixMojibake,
  removeSelfClosingParagraphs,
  removeStyleBlocks,
  removeThirdPartyImages,
  repairBody,
  trimTrailingWhitespace,
  unwrapForeignSpans,
} from '../../../src/core/importers/sunlight/repair-body.ts';

describe('fixMojibake', () => {
  test.each([
    // The Hub's own fault: "§" decoded twice, a space where a byte was.
    ['under Ã‚ § 42-46-8(a) and Ã‚ § 38-2', 'under § 42-46-8(a) and § 38-2', 2],
    ['the cityâ€™s data', 'the city’s data', 1],
    ['â€œopenâ€\u009d data â€“ now', '“open” data – now', 3],
    ['Section Â§ 5', 'Section § 5', 1],
    // A fix never feeds another: "Ã‚Â§" is one sequence, not "Ã‚" then "Â§".
    ['Ã‚Â§ 12', '§ 12', 1],
    // Ordinary non-ASCII text is not touched.
    ['São Paulo’s “data” — § 3', 'São Paulo’s “data” — § 3', 0],
  ])('%j', (input, expected, count) => {
    expect(fixMojibake(input)).toEqual({ body: expected, count });
  });
});

describe('removeStyleBlocks', () => {
  test('a style block and the blank line it leaves go; text around stays', () => {
    const body = 'Intro line.\n\n<style type="text/css">\n  ol { list-style-type: lower-alpha; }\n</style>\n\n<p>Policy text.</p>\n';
    expect(removeStyleBlocks(body)).toEqual({ body: 'Intro line.\n\n<p>Policy text.</p>\n', count: 1 });
  });
  test('no style, no change', () => {
    expect(removeStyleBlocks('<p>stylish words</p>')).toEqual({ body: '<p>stylish words</p>', count: 0 });
  });
});

describe('removeThirdPartyImages', () => {
  test.each([
    ['an image on its own line goes with its line', 'See the chart.\n\n<img src="https://images.example.net/chart.png" width="600"/>\n*Chart 1*\n', 'See the chart.\n\n*Chart 1*\n', 1],
    ['alt text stays in its place', 'Flow: <img alt="Review flow chart" src="http://cdn.example.com/f.png"> end', 'Flow: Review flow chart end', 1],
    ['protocol-relative is another host too', '<p><img src="//cdn.example.com/x.png"></p>', '<p></p>', 1],
    ['a relative image is not third-party', '<img src="figure-1.png">', '<img src="figure-1.png">', 0],
  ])('%s', (_name, input, expected, count) => {
    expect(removeThirdPartyImages(input)).toEqual({ body: expected, count });
  });
});

describe('unwrapForeignSpans', () => {
  test.each([
    [
      'a wrapper that is not a guideline is unwrapped, its content and inner tags kept',
      '<span class="guideline-notes"><span class="g-metadata">Publish metadata.</span></span>',
      '<span class="g-metadata">Publish metadata.</span>',
      1,
    ],
    ['a span with no class is unwrapped', 'a <span>plain</span> word', 'a plain word', 1],
    ['definition spans are legitimate and stay', '<span class="def-data"><span class="g-metadata">x</span></span>', '<span class="def-data"><span class="g-metadata">x</span></span>', 0],
    ['on a mixed span only the foreign class goes', '<span class="g-metadata highlight">x</span>', '<span class="g-metadata">x</span>', 1],
    ['an unclosed span is left for the refusal to report', '<span class="note">never closed', '<span class="note">never closed', 0],
  ])('%s', (_name, input, expected, count) => {
    expect(unwrapForeignSpans(input)).toEqual({ body: expected, count });
  });
});

describe('removeSelfClosingParagraphs', () => {
  test.each([
    ['at the start of a line, with the space after it', '<p/> <p>Order No. 4</p>', '<p>Order No. 4</p>', 1],
    ['a run at the end of a line is one removal, no space left', '<p>Signed.</p> <p/> <p/> <p/>\nNext', '<p>Signed.</p>\nNext', 3],
    ['alone on its line: the line goes', '<p>One.</p>\n<p />\n<p>Two.</p>', '<p>One.</p>\n<p>Two.</p>', 1],
  ])('%s', (_name, input, expected, count) => {
    expect(removeSelfClosingParagraphs(input)).toEqual({ body: expected, count });
  });
});

describe('balanceParagraphs', () => {
  test.each([
    ['closed before the next <p>, and at the end', ' <p>WHEREAS one; and\n <p>WHEREAS two;\n', ' <p>WHEREAS one; and</p>\n <p>WHEREAS two;</p>\n', 2],
    ['closed before a list, and the stray </p> after it removed', '<p>Within 30 days:\n\t<ul>\n\t\t<li>Name a coordinator</li>\n\t</ul>\n</p>\n<p>Next</p>', '<p>Within 30 days:</p>\n\t<ul>\n\t\t<li>Name a coordinator</li>\n\t</ul>\n<p>Next</p>', 2],
    ['closed at a blank line when no </p> follows', '<p>First part\n\nA Markdown paragraph.', '<p>First part</p>\n\nA Markdown paragraph.', 1],
    ['a paragraph with its own </p> is left alone, blank lines inside or not', '<p>One\n\nstill one</p>', '<p>One\n\nstill one</p>', 0],
    ['spans crossing paragraphs are not in the way', '<p><span class="g-metadata">a\n<p>b</span>', '<p><span class="g-metadata">a</p>\n<p>b</span></p>', 2],
    ['balanced input is unchanged', '<p>a</p>\n<ol type="a"><li>b</li></ol>', '<p>a</p>\n<ol type="a"><li>b</li></ol>', 0],
    ['<pre> is a block, not a paragraph', '<p>x\n<pre>y</pre>', '<p>x</p>\n<pre>y</pre>', 1],
  ])('%s', (_name, input, expected, count) => {
    expect(balanceParagraphs(input)).toEqual({ body: expected, count });
  });
});

describe('trimTrailingWhitespace', () => {
  test.each([
    ['spaces and tabs before a blank line go', 'Line one. \t\n\nLine two.  \n', 'Line one.\n\nLine two.\n', 2],
    ['a Markdown hard break (two spaces, text below) stays', 'Signed,  \nThe Mayor', 'Signed,  \nThe Mayor', 0],
    ['one trailing space before text goes', 'word \nnext', 'word\nnext', 1],
  ])('%s', (_name, input, expected, count) => {
    expect(trimTrailingWhitespace(input)).toEqual({ body: expected, count });
  });
});

describe('repairBody', () => {
  test('runs every repair and counts each kind', () => {
    const body = '<style>p{}</style>\n<p/> <p>The cityâ€™s plan\n<p><span class="wrapper"><span class="g-metadata">Metadata.</span></span> \n';
    const result = repairBody(body);
    expect(result.body).toBe('<p>The city’s plan</p>\n<p><span class="g-metadata">Metadata.</span></p>\n');
    expect(result.repairs).toEqual({ mojibake: 1, 'style-block': 1, 'foreign-span': 1, 'p-self-closing': 1, 'p-unbalanced': 2, 'trailing-whitespace': 1 });
  });
  test('a clean body comes back byte for byte, with no repairs', () => {
    const body = '## Policy\n\n<span class="g-metadata">Publish <span class="def-data">data</span> with metadata.</span>\n\n- one\n- two\n';
    expect(repairBody(body)).toEqual({ body, repairs: {} });
  });
});
