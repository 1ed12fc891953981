/**
 * "Edit this page" on every entity page opens that entity's own source file in
 * the repository's web editor; "Report a problem" opens a new issue that names
 * the page. Built once from a small content folder with REPO_URL set.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { writeContentFixture } from '../support/content-fixture.ts';

const REPO = 'https://github.com/example-org/civic-kb';
const BRANCH = 'content-review';
const SITE = 'https://kb.example.gov';

let contentDir = '';
let site: SiteBuild;

beforeAll(async () => {
  contentDir = await writeContentFixture();
  site = await buildSite(contentDir, { env: { REPO_URL: REPO, REPO_BRANCH: BRANCH, SITE_URL: SITE, KB_TODAY: '2026-06-02' } });
  if (!site.ok) throw new Error(`build failed:\n${site.output}`);
});
afterAll(async () => {
  await site?.cleanup();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

const decode = (href: string) => href.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

async function footerLinks(sitePath: string): Promise<{ edit: string[]; report: string[] }> {
  const html = await readFile(path.join(site.outDir, sitePath, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>\s*(Edit this page|Report a problem)\s*<\/a>/g)];
  return {
    edit: links.filter((m) => m[2] === 'Edit this page').map((m) => decode(m[1]!)),
    report: links.filter((m) => m[2] === 'Report a problem').map((m) => decode(m[1]!)),
  };
}

describe('every entity page edits its own file', () => {
  test.each([
    { kind: 'place', page: 'places/springfield-mo/', file: 'places/springfield-mo.md' },
    { kind: 'contact', page: 'contacts/springfield-mo/city-clerk/', file: 'contacts/springfield-mo/city-clerk.md' },
    { kind: 'policy', page: 'policies/springfield-mo-2020-01-15/', file: 'policies/springfield-mo-2020-01-15.md' },
    { kind: 'faq', page: 'faqs/springfield-mo/records/', file: 'faqs/springfield-mo/records.md' },
    { kind: 'guideline', page: 'guidelines/open-formats/', file: 'guidelines/open-formats.md' },
  ])('$kind: /$page → content/$file', async ({ page, file }) => {
    const { edit } = await footerLinks(page);
    expect(edit).toEqual([`${REPO}/edit/${BRANCH}/content/${file}`]);
  });

  test('the file an edit link names exists in the content folder the page was built from', async () => {
    const { edit } = await footerLinks('faqs/springfield-mo/records/');
    const relative = edit[0]!.slice(`${REPO}/edit/${BRANCH}/content/`.length);
    await expect(readFile(path.join(contentDir, relative), 'utf8')).resolves.toContain('title: Springfield public records FAQ');
  });
});

describe('"Report a problem"', () => {
  test('opens a new issue titled after the page, quoting its address', async () => {
    const { report } = await footerLinks('faqs/springfield-mo/records/');
    expect(report).toHaveLength(1);
    const url = new URL(report[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(`${REPO}/issues/new`);
    expect(url.searchParams.get('title')).toContain('Springfield public records FAQ');
    expect(url.searchParams.get('body')).toContain(`${SITE}/faqs/springfield-mo/records/`);
  });

  test('is on pages without a source file too, which have no edit link', async () => {
    for (const page of ['', 'places/', 'compare/']) {
      const links = await footerLinks(page);
      expect(links.edit, `/${page}`).toEqual([]);
      expect(links.report, `/${page}`).toHaveLength(1);
    }
  });
});
