/**
 * The hostile corpus: content files carrying XSS vectors of every well-known
 * class (tests/security/hostile-vectors.ts). Each vector is either refused by
 * the validator with an error at its file and line, or validates and ends up
 * on the page as inert text. Independently of the validator, the renderer's
 * sanitizer must make every vector inert (the second wall). A site built from
 * the inert cases is checked page by page, and a build that meets a refused
 * vector fails without touching the previous output.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderBody } from '../../src/core/render/render-body.ts';
import { validateContent, type ValidationResult } from '../../src/core/validate.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { parseCsp, siteHeaders } from './headers-file.ts';
import { HOSTILE_FRONTMATTER_FILES, vectorPolicy, writeFiles, writeHostileContent, type WrittenVector } from './hostile-content.ts';
import { BODY_VECTORS, FRONTMATTER_PAYLOADS } from './hostile-vectors.ts';
import { findActiveMarkupInBody, findActiveMarkupInPage, jsonLdBlocks, mainText, titleText } from './inert-html.ts';

const TODAY = '2026-11-23';
const refused = BODY_VECTORS.filter((v) => v.expect === 'refused');
const inert = BODY_VECTORS.filter((v) => v.expect === 'inert');
const codes = new Set(['open-formats', 'metadata']);
const cleanup: string[] = [];

afterAll(async () => {
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

test('the corpus covers the vector classes it claims', () => {
  console.log(`[hostile corpus] ${BODY_VECTORS.length} body vectors: ${refused.length} refused by the validator, ${inert.length} inert text; ${Object.keys(FRONTMATTER_PAYLOADS).length} frontmatter payloads in ${Object.keys(HOSTILE_FRONTMATTER_FILES).length} files`);
  expect(new Set(BODY_VECTORS.map((v) => v.id)).size).toBe(BODY_VECTORS.length);
  expect(refused.length).toBeGreaterThan(40);
  expect(inert.length).toBeGreaterThan(5);
});

describe('the validator refuses what could run and passes what is only text', () => {
  let result: ValidationResult;
  let written: WrittenVector[];

  beforeAll(async () => {
    const content = await writeHostileContent(BODY_VECTORS, { forBuild: false });
    cleanup.push(content.root);
    written = content.written;
    result = await validateContent(content.root, { today: TODAY });
  });

  const errorsIn = (relative: string) => result.diagnostics.filter((d) => d.severity === 'error' && d.file.endsWith(relative));

  test.each(refused.map((v) => [v.label, v] as const))('refused: %s', (_label, vector) => {
    const { relative, line } = written.find((w) => w.vector === vector)!;
    const errors = errorsIn(relative);
    expect(errors.length, `no error for ${relative}`).toBeGreaterThan(0);
    // Reported on a line of the vector (a reference definition two lines below its link, say).
    const lastLine = line + vector.body.split('\n').length - 1;
    expect(errors.filter((d) => d.line >= line && d.line <= lastLine), JSON.stringify(errors)).not.toEqual([]);
    expect(errors[0]!.message.length).toBeGreaterThan(10);
  });

  test.each(inert.map((v) => [v.label, v] as const))('passes as text: %s', (_label, vector) => {
    const { relative } = written.find((w) => w.vector === vector)!;
    expect(errorsIn(relative)).toEqual([]);
  });

  test('frontmatter payloads in every text field validate (they are shown escaped, never as HTML)', () => {
    for (const relative of Object.keys(HOSTILE_FRONTMATTER_FILES)) expect(errorsIn(relative), relative).toEqual([]);
  });
});

describe('the sanitizer makes every vector inert on its own (second wall)', () => {
  test.each(BODY_VECTORS.map((v) => [v.label, v] as const))('%s', (_label, vector) => {
    const policy = vectorPolicy(vector);
    const body = policy.text.slice(policy.text.indexOf('\n---\n') + 5);
    const { html } = renderBody(body, codes);
    expect(findActiveMarkupInBody(html)).toEqual([]);
    // The text around the vector survives: sanitizing removes markup, not the document.
    expect(html).toContain('Before the vector.');
    expect(html).toContain('After the vector.');
  });
});

async function treeHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return hashes;
}

describe('a site built from the inert cases', () => {
  let root: string;
  let written: WrittenVector[];
  let build: SiteBuild;
  let pages: Map<string, string>;

  beforeAll(async () => {
    const content = await writeHostileContent(inert, { forBuild: true });
    root = content.root;
    written = content.written;
    cleanup.push(root);
    build = await buildSite(root, { env: { KB_TODAY: TODAY } });
    if (!build.ok) throw new Error(`build failed:\n${build.output}`);
    pages = new Map();
    for (const entry of await readdir(build.outDir, { recursive: true })) {
      if (entry.endsWith('.html')) pages.set(entry, await readFile(path.join(build.outDir, entry), 'utf8'));
    }
  });

  afterAll(async () => {
    await build?.cleanup();
  });

  const page = (sitePath: string) => {
    const html = pages.get(path.join(sitePath, 'index.html'));
    if (html === undefined) throw new Error(`no page ${sitePath}; built: ${[...pages.keys()].slice(0, 20).join(', ')}…`);
    return html;
  };

  test('no page carries active markup, and every page has its CSP', () => {
    expect(pages.size).toBeGreaterThan(40);
    const findings = [...pages].flatMap(([file, html]) => findActiveMarkupInPage(html).map((f) => `${file}: ${f.what} — ${f.near}`));
    expect(findings).toEqual([]);
  });

  test('every page’s CSP meta, hashes aside, is the policy public/_headers sends', async () => {
    const header = parseCsp((await siteHeaders()).get('content-security-policy')!);
    header.delete('frame-ancestors'); // a meta tag cannot carry it
    for (const name of ['script-src', 'style-src']) header.set(name, header.get(name)!.filter((s) => s !== "'unsafe-inline'"));
    const expected = JSON.stringify([...header].sort());
    const differing = [...pages].filter(([, html]) => {
      const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      const meta = parseCsp(content.replaceAll('&#39;', "'"));
      for (const [name, sources] of meta) meta.set(name, sources.filter((s) => !s.startsWith("'sha256-")));
      return JSON.stringify([...meta].sort()) !== expected;
    });
    expect(differing.map(([file]) => file)).toEqual([]);
  });

  test('every inert vector is on its policy page as text', () => {
    for (const { vector, id } of written) {
      expect(mainText(page(`policies/${id}`)), vector.id).toContain(vector.shows!);
    }
  });

  test('frontmatter payloads are text in the title, the headings and the JSON-LD', () => {
    const faq = page('faqs/hostile-mo/records');
    expect(titleText(faq)).toContain(`Records ${FRONTMATTER_PAYLOADS.scriptBreakout}`);
    const text = mainText(faq);
    for (const payload of [FRONTMATTER_PAYLOADS.scriptBreakout, FRONTMATTER_PAYLOADS.attributeBreakout, FRONTMATTER_PAYLOADS.singleQuote, FRONTMATTER_PAYLOADS.titleBreakout]) {
      expect(text).toContain(payload);
    }
    const policy = page('policies/hostile-mo-2021-02-03');
    expect(titleText(policy)).toContain(`Policy ${FRONTMATTER_PAYLOADS.scriptBreakout}`);
    expect(mainText(policy)).toContain(FRONTMATTER_PAYLOADS.template);
    const names = JSON.stringify(jsonLdBlocks(policy));
    expect(names).toContain(JSON.stringify(`Policy ${FRONTMATTER_PAYLOADS.scriptBreakout}`));
    expect(mainText(page('places/hostile-mo'))).toContain(`Hostile ${FRONTMATTER_PAYLOADS.titleBreakout}`);
    expect(mainText(page('contacts/hostile-mo/records-office'))).toContain(`Records ${FRONTMATTER_PAYLOADS.attributeBreakout}`);
  });

  test('no payload reaches any generated file unescaped where HTML is parsed', async () => {
    // Feeds and sitemaps are XML: a payload there must be escaped, never raw markup.
    for (const entry of await readdir(build.outDir, { recursive: true })) {
      if (!/\.(xml|rss|atom)$/.test(entry)) continue;
      const text = await readFile(path.join(build.outDir, entry), 'utf8');
      expect(text, entry).not.toMatch(/<script|<img|<svg/i);
    }
  });

  test('a failed build (a refused vector merged) leaves the previous output byte-identical', async () => {
    const before = await treeHashes(build.outDir);
    const vector = refused.find((v) => v.id === 'img-onerror')!;
    const policy = vectorPolicy(vector);
    await writeFiles(root, { [policy.relative]: policy.text });
    const failed = await buildSite(root, { outDir: build.outDir, env: { KB_TODAY: TODAY } });
    expect(failed.exitCode, failed.output).toBe(1);
    expect(failed.output).toContain('Build failed; the previous output was left as it was.');
    // The editor is told which file and line.
    expect(failed.output).toContain(`${policy.relative}:${policy.line}:`);
    const after = await treeHashes(build.outDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file)).toEqual([]);
    // No half-written folder next to the output.
    expect(await readdir(path.dirname(build.outDir))).toEqual([path.basename(build.outDir)]);
  });
});
