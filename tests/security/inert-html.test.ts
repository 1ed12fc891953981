/** The checker the security suites rely on finds what it must and passes what it should. */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { findActiveMarkupInBody, findActiveMarkupInPage } from './inert-html.ts';

describe('body fragments', () => {
  test.each([
    ['<p><img src="x" onerror="alert(1)"></p>', 'event handler'],
    ['<p><a href="&#106;avascript:alert(1)">x</a></p>', 'unsafe URL'],
    ['<p><a href="java\tscript:alert(1)">x</a></p>', 'unsafe URL'],
    ['<svg><circle /></svg>', '<svg> element'],
    ['<div style="color:red">x</div>', 'style attribute'],
    ['<iframe srcdoc="x"></iframe>', '<iframe> element'],
    ['<span id="__pwned">x</span>', 'taken from content'],
    ['<form action="/x"><input></form>', '<form> element'],
  ])('%s → %s', (html, what) => {
    expect(findActiveMarkupInBody(html).map((f) => f.what).join(' | ')).toContain(what);
  });

  test('text, formatting, tables and safe links pass', () => {
    expect(findActiveMarkupInBody('<h2 id="purpose">Purpose</h2><p><a href="https://example.org/">x</a> <a href="mailto:a@b.org">m</a> <a href="#source-1">[1]</a> &lt;script&gt;</p><table><tr><td>1</td></tr></table>')).toEqual([]);
  });
});

describe('whole pages', () => {
  const script = 'console.log(1)';
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  const page = (head: string, body: string) =>
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${hash}; style-src 'self'">${head}</head><body>${body}</body></html>`;

  test('the frame’s own pieces pass: hashed inline script, module from the site, JSON-LD, favicon, search form', () => {
    const html = page(
      `<link rel="icon" href="data:image/svg+xml,%3Csvg%3E%3C/svg%3E"><link rel="stylesheet" href="/_astro/x.css"><script type="application/ld+json">{"name":"\\u003c/script\\u003e"}</script><script type="module" src="/_astro/a.js"></script>`,
      `<script type="module">${script}</script><form action="/search/"><input name="q"><button>Search</button></form>`,
    );
    expect(findActiveMarkupInPage(html)).toEqual([]);
  });

  test.each([
    ['<script>alert(1)</script>', 'inline script whose hash'],
    ['<script src="https://evil.example/x.js"></script>', 'another origin'],
    ['<style>body{}</style>', 'inline style whose hash'],
    ['<script type="application/ld+json">{"a":"</script><script>x</script>', 'inline script whose hash'],
    ['<img src="https://evil.example/p.png">', 'another origin'],
    ['<a href="javascript:alert(1)">x</a>', 'unsafe URL'],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', 'another origin'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', 'http-equiv'],
    ['<form action="https://evil.example/">', 'another origin'],
  ])('%s → %s', (markup, what) => {
    expect(findActiveMarkupInPage(page('', markup)).map((f) => f.what).join(' | ')).toContain(what);
  });

  test('a page without a CSP meta tag is reported', () => {
    expect(findActiveMarkupInPage('<!doctype html><html><head></head><body>x</body></html>').map((f) => f.what)).toContain('no content-security-policy meta tag');
  });
});
