/**
 * scripts/build.ts end to end (without a browser): base path and repository links
 * reach the HTML, Pagefind writes its index, and a failed build leaves the
 * previous output alone.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { repoRoot } from '../support/repo-root.ts';

describe('build script with BASE_PATH, SITE_URL and REPO_URL', () => {
  let build: SiteBuild;
  let homeHtml: string;

  beforeAll(async () => {
    build = await buildSite(path.join(repoRoot, 'content'), {
      env: {
        BASE_PATH: '/kb/',
        SITE_URL: 'https://example.org',
        REPO_URL: 'https://github.com/example/civic-kb',
      },
    });
    if (!build.ok) throw new Error(`build failed:\n${build.output}`);
    homeHtml = await readFile(path.join(build.outDir, 'index.html'), 'utf8');
  });

  afterAll(async () => {
    await build?.cleanup();
  });

  it('reports pages, size and timings', () => {
    expect(build.output).toMatch(/Built \d+ pages \(\d+ files, [\d.]+ (B|KiB|MiB)\)/);
    expect(build.output).toMatch(/pagefind: [\d.]+ s \(\d+ pages in the search index\)/);
  });

  it('prefixes every site-internal link with the base path', () => {
    const internal = [...homeHtml.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)].map((match) => match[1]);
    expect(internal.length).toBeGreaterThan(3);
    expect(internal.filter((href) => !href!.startsWith('/kb/'))).toEqual([]);
  });

  it('writes canonical and Open Graph URLs from SITE_URL and the base', () => {
    expect(homeHtml).toContain('<link rel="canonical" href="https://example.org/kb/">');
    expect(homeHtml).toContain('<meta property="og:url" content="https://example.org/kb/">');
  });

  it('links "Report a problem" to a prefilled issue naming the page', () => {
    const match = homeHtml.match(/<a href="([^"]+)">Report a problem<\/a>/);
    expect(match).not.toBeNull();
    const url = new URL(match![1]!.replaceAll('&amp;', '&'));
    expect(url.pathname).toBe('/example/civic-kb/issues/new');
    expect(url.searchParams.get('body')).toContain('https://example.org/kb/');
  });

  it('indexes only pages that mark their main content, and not the 404 page', async () => {
    const entry = JSON.parse(await readFile(path.join(build.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>);
    expect(pages.reduce((sum, language) => sum + language.page_count, 0)).toBeGreaterThan(0);
    const notFound = await readFile(path.join(build.outDir, '404.html'), 'utf8');
    expect(notFound).not.toContain('data-pagefind-body');
    expect(notFound).toContain('<meta name="robots" content="noindex">');
  });

  it('leaves no working folders behind', async () => {
    const leftovers = (await readdir(path.join(repoRoot, '.build-tmp')).catch(() => [])).filter((name) =>
      name.startsWith('build-'),
    );
    // Other builds may be running at the same time; ours must not be among what remains.
    for (const name of leftovers) {
      expect(build.output).not.toContain(name);
    }
  });
});

describe('build script failure', () => {
  it('names the broken file and line once when the pages are built in two processes', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'kb-failed-build-'));
    try {
      const contentDir = path.join(parent, 'content');
      await cp(path.join(repoRoot, 'content'), contentDir, { recursive: true });
      const policy = path.join(contentDir, 'policies', 'independence-mo-2016-03-15.md');
      await writeFile(policy, (await readFile(policy, 'utf8')).replace(/^year: 2016$/m, 'year: twenty-sixteen'));
      const failed = await buildSite(contentDir, { outDir: path.join(parent, 'dist'), env: { KB_BUILD_SHARDS: '2' } });
      expect(failed.exitCode).toBe(1);
      expect(failed.output).toContain('Build failed; the previous output was left as it was.');
      const line = 'policies/independence-mo-2016-03-15.md:4:1  error  schema [year]';
      expect(failed.output.split(line).length - 1, failed.output).toBe(1);
      expect(await readdir(parent)).toEqual(['content']);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it.each([
    // Fails before Astro starts.
    ['the content folder is missing', 'no-such-content', {}, 'Content folder not found'],
    // Fails inside Astro: its config schema rejects `site`.
    ['Astro rejects its configuration', 'content', { SITE_URL: 'not a url' }, 'Invalid URL'],
  ] as const)('exits 1 and keeps the previous output when %s', async (_case, content, env, message) => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'kb-failed-build-'));
    const outDir = path.join(parent, 'dist');
    await mkdir(outDir);
    await writeFile(path.join(outDir, 'index.html'), 'previous build');
    try {
      const contentDir = content === 'content' ? path.join(repoRoot, 'content') : path.join(parent, content);
      const failed = await buildSite(contentDir, { outDir, env });
      expect(failed.exitCode).toBe(1);
      expect(failed.output).toContain('Build failed; the previous output was left as it was.');
      expect(failed.output).toContain(message);
      await expect(readFile(path.join(outDir, 'index.html'), 'utf8')).resolves.toBe('previous build');
      expect(await readdir(parent)).toEqual(['dist']);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
