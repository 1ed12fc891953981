/** Rendering bodies: passages marked in every paragraph they cover, unsafe HTML gone, anchors unique. */
import { describe, expect, test } from 'vitest';
import { renderBody } from '../../src/core/render/render-body.ts';
import { renderInlineText } from '../../src/core/render/inline-text.ts';

const codes = new Set(['timelines', 'metadata', 'funding', 'open-formats']);
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe('paragraph-crossing passages', () => {
  test('every paragraph a passage covers carries its class; only the first part has the anchor', () => {
    const { html } = renderBody('<span class="g-timelines">One.\n\nTwo.\n\n## Three</span>', codes);
    expect(html.match(/<p><span class="g g-timelines"/g)).toHaveLength(2);
    expect(html).toMatch(/<h2 id="three"><span class="g g-timelines"[^>]*data-cont=""/);
    expect(ids(html).filter((id) => id === 'g-timelines-1')).toHaveLength(1);
  });

  test('</p><p> inside a span does not cut it', () => {
    const { html } = renderBody('<p><span class="g-metadata">A.</p><p>B.</span></p>', codes);
    expect(html).toContain('<p><span class="g g-metadata" data-g="metadata" data-passage="g-metadata-1" id="g-metadata-1">A.</span></p>');
    expect(html).toContain('<p><span class="g g-metadata" data-g="metadata" data-passage="g-metadata-1" data-cont="">B.</span></p>');
  });

  test('list items inside a passage stay list items', () => {
    const { html } = renderBody('<span class="g-funding">Costs:\n\n- staff\n- tools</span>', codes);
    expect(html).toMatch(/<li><span class="g g-funding"[^>]*>staff/);
  });

  test('nested spans are closed and reopened in order', () => {
    const { html } = renderBody('<span class="g-open-formats"><span class="g-metadata">a\n\nb</span></span>', codes);
    expect(html).toContain('<p><span class="g g-open-formats" data-g="open-formats" data-passage="g-open-formats-1" data-cont=""><span class="g g-metadata" data-g="metadata" data-passage="g-metadata-1" data-cont="">b</span></span></p>');
  });
});

describe('sanitizing (the second wall behind the validator)', () => {
  test.each([
    ['script', '<script>alert(1)</script>ok', 'alert'],
    ['style', '<style>body{}</style>ok', 'body{}'],
    ['event handler', '<b onclick="x()">ok</b>', 'onclick'],
    ['javascript link', '<a href="javascript:alert(1)">ok</a>', 'javascript:'],
    ['iframe', '<iframe src="https://e.example"></iframe>ok', 'iframe'],
    ['image to another host', '<img src="https://e.example/x.png">ok', '<img'],
    ['user id (clobbering)', '<p id="main">ok</p>', 'id="main"'],
  ])('%s is removed, text kept', (_name, body, gone) => {
    const { html } = renderBody(body, codes);
    expect(html).not.toContain(gone);
    expect(html).toContain('ok');
  });
});

test('body headings sit under the page h1 and feed the table of contents', () => {
  const { html, toc } = renderBody('# Part\n\n## Sub', codes);
  expect(html).toContain('<h2 id="part">Part</h2>');
  expect(toc).toEqual([{ depth: 2, id: 'part', text: 'Part' }, { depth: 3, id: 'sub', text: 'Sub' }]);
});

test('citations link to known sources only', () => {
  const { html } = renderBody('See the code [1] and [7].', codes, { sources: new Set([1]) });
  expect(html).toContain('<a href="#source-1" class="cite" aria-label="Source 1">[1]</a>');
  expect(html).toContain('and [7].');
  expect(renderInlineText('<b>x</b> [1]', new Set([1]))).toBe('&lt;b&gt;x&lt;/b&gt; <a href="#source-1" class="cite" aria-label="Source 1">[1]</a>');
});

test('indented lines and widely spaced list markers stay prose, passages keep their anchors', () => {
  const { html } = renderBody('Intro\n\n2.     <span class="g-funding">Fund it.</span>\n\n    <span class="g-metadata">Describe it.</span>', codes);
  expect(html).not.toContain('<code>');
  expect(html).toContain('id="g-funding-1"');
  expect(html).toContain('id="g-metadata-1"');
});
