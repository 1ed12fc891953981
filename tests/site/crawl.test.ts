/**
 * Whole-site crawl: builds the site and reads EVERY HTML file of the output.
 *
 * On every page: no broken internal link, src or form action (the file exists
 * under the base path, and a #fragment names an id on the target page), every
 * href="#source-n" lands, exactly one <h1>, a non-empty <title>, one canonical
 * link, no inline event handlers or style attributes, and no <script> except
 * JSON-LD data and the module scripts justified in JUSTIFIED_SCRIPTS. Across
 * the site: each contact page links every FAQ that names the office (read from
 * the graph), the sitemap lists exactly the indexable pages, the feed's links
 * land, and every JSON file parses.
 *
 * Runs twice: on the project's real content/, and on the Sunlight sample
 * imported by the importer CLI into a temporary content folder, built under a
 * base path (/kb/) so a link that forgets the base is caught.
 *
 * It checks whatever pages exist. When this test was written (search, API,
 * feed, sitemap and data.json by the search helper) the pages present were:
 * home and 404 (frame); guidelines index, guideline, guideline passages pages
 * and compare (analyst pages); places, states, policies index and policy page
 * (policy pages); FAQs index and FAQ page, contacts index and contact page
 * (resident pages); search. The test logs the page files it found on each run.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, todayIso, type KnowledgeBase } from '../../src/core/index.ts';
import { createHrefs } from '../../src/core/urls.ts';
import { normalizeBase } from '../../src/site-config.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { repoRoot } from '../support/repo-root.ts';

const paths = createHrefs('/');
const DEFAULT_SITE_URL = 'http://localhost:4321';
const TODAY = '2026-06-01';

/**
 * Every script a page may ship besides JSON-LD. Each is an Astro-bundled
 * module (inline with its hash in the page's CSP, or a file under _astro/), or
 * a file Pagefind wrote, recognised by a string it contains or its path.
 */
const JUSTIFIED_SCRIPTS: { name: string; why: string; marker?: string; src?: string; onlyOn?: RegExp }[] = [
  {
    name: 'search-term highlighter loader (src/components/search/SearchHighlight.astro)',
    why: 'fetches /pagefind/pagefind-highlight.js only when a page is opened from a search result (?highlight=)',
    marker: 'pagefind-highlight.js',
  },
  {
    name: 'search page UI (src/components/search/search-ui.ts)',
    why: 'starts ?q= searches and runs the filter checkboxes; search cannot work without JavaScript',
    marker: 'search-filter__labels',
    onlyOn: /^search\/index\.html$/,
  },
  {
    name: "Pagefind's Component UI",
    why: 'the search widgets themselves, served from the Pagefind bundle',
    src: 'pagefind/pagefind-component-ui.js',
    onlyOn: /^search\/index\.html$/,
  },
  {
    name: 'side-by-side picker enhancement (src/components/analysis/PickEnhancer.astro)',
    why: 'progressive enhancement: ?places= preselects columns and keeps the share link current; the picker works by CSS alone',
    marker: 'pick-column__box',
    onlyOn: /^compare\/pick\//,
  },
];

interface Page {
  /** Path of the HTML file relative to the output folder, e.g. "faqs/a/b/index.html". */
  file: string;
  /** Site path with the base, e.g. "/kb/faqs/a/b/". */
  url: URL;
  tree: Root;
  ids: Set<string>;
  noindex: boolean;
}

interface Problem {
  page: string;
  message: string;
}

interface Crawl {
  pages: Map<string, Page>;
  problems: Problem[];
  stats: { pages: number; links: number; fragments: number; sourceLinks: number; scripts: number; jsonFiles: number };
  /** Site path (no base) of every page → the site paths (no base) it links to. */
  linksFrom: Map<string, Set<string>>;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

function elements(tree: Root, tagName?: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (!tagName || node.tagName === tagName) found.push(node);
  });
  return found;
}

function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** "faqs/a/b/index.html" → "/faqs/a/b/" (no base); "404.html" → "/404.html". */
function sitePathOfFile(file: string): string {
  return file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/** The output file a site path (without base) is served from, or undefined. */
function fileForPath(sitePath: string, files: ReadonlySet<string>): string | undefined {
  const relative = decodeURIComponent(sitePath).replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) {
    const index = `${relative}index.html`;
    return files.has(index) ? index : undefined;
  }
  if (files.has(relative)) return relative;
  return files.has(`${relative}/index.html`) ? `${relative}/index.html` : undefined;
}

/** Reads and checks every page; returns the problems found rather than failing on the first. */
async function crawlSite(outDir: string, basePath: string, siteUrl: string): Promise<Crawl> {
  const origin = new URL(siteUrl).origin;
  const base = normalizeBase(basePath);
  const fileList = await listFiles(outDir);
  const files = new Set(fileList);
  const problems: Problem[] = [];
  const stats = { pages: 0, links: 0, fragments: 0, sourceLinks: 0, scripts: 0, jsonFiles: 0 };
  const pages = new Map<string, Page>();
  const linksFrom = new Map<string, Set<string>>();

  for (const file of fileList.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
    const tree = fromHtml(await readFile(path.join(outDir, file), 'utf8'));
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const id = attr(node, 'id');
      if (id) ids.add(id);
    });
    const noindex = elements(tree, 'meta').some((m) => attr(m, 'name') === 'robots' && /noindex/.test(attr(m, 'content') ?? ''));
    pages.set(file, { file, url: new URL(base + sitePathOfFile(file).slice(1), origin), tree, ids, noindex });
  }
  stats.pages = pages.size;

  const scriptText = new Map<string, string>();
  const readAsset = async (file: string) => {
    if (!scriptText.has(file)) scriptText.set(file, await readFile(path.join(outDir, file), 'utf8'));
    return scriptText.get(file)!;
  };

  for (const page of pages.values()) {
    const report = (message: string) => problems.push({ page: page.file, message });
    const own = new Set<string>();
    linksFrom.set(sitePathOfFile(page.file), own);

    // Structure.
    const h1s = elements(page.tree, 'h1').length;
    if (h1s !== 1) report(`has ${h1s} <h1> elements`);
    // The document title only: an inline SVG's <title> names the graphic, not the page.
    const head = elements(page.tree, 'head')[0];
    const title = head ? head.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'title').map((t) => toString(t).trim()) : [];
    if (title.length !== 1 || !title[0]) report('has no non-empty <title>');
    const canonicals = elements(page.tree, 'link').filter((l) => attr(l, 'rel')?.split(' ').includes('canonical'));
    if (canonicals.length !== 1) report(`has ${canonicals.length} canonical links`);

    // No inline handlers or style attributes: the CSP would block them.
    visit(page.tree, 'element', (node: Element) => {
      for (const key of Object.keys(node.properties)) {
        if (/^on[A-Z]/.test(key)) report(`<${node.tagName}> has an inline event handler (${key})`);
        if (key === 'style') report(`<${node.tagName}> has a style attribute`);
      }
    });

    // Scripts.
    const csp = elements(page.tree, 'meta').find((m) => attr(m, 'httpEquiv')?.toLowerCase() === 'content-security-policy');
    const cspContent = csp ? (attr(csp, 'content') ?? '') : '';
    for (const script of elements(page.tree, 'script')) {
      const type = attr(script, 'type') ?? '';
      if (type === 'application/ld+json') {
        try {
          JSON.parse(toString(script));
        } catch (error) {
          report(`JSON-LD does not parse: ${String(error)}`);
        }
        continue;
      }
      stats.scripts += 1;
      const src = attr(script, 'src');
      let text: string;
      let where: string;
      if (src) {
        const target = new URL(src, page.url);
        const local = target.origin === origin && target.pathname.startsWith(base) ? fileForPath(target.pathname.slice(base.length - 1), files) : undefined;
        if (!local) {
          report(`script ${src} is not a file of the site`);
          continue;
        }
        text = await readAsset(local);
        where = local;
      } else {
        text = toString(script);
        where = 'inline';
        const hash = createHash('sha256').update(text).digest('base64');
        if (!cspContent.includes(`'sha256-${hash}'`)) report('an inline script is not hashed in the page CSP (not an Astro-processed script)');
      }
      const bundled = where === 'inline' || where.startsWith('_astro/') || where.startsWith('pagefind/');
      const justified = JUSTIFIED_SCRIPTS.find((j) => (j.src ? where === j.src : j.marker !== undefined && text.includes(j.marker)));
      if (type !== 'module' || !bundled) report(`script (${where}) is not a bundled module script`);
      else if (!justified) report(`ships an unjustified script (${where}): ${text.slice(0, 120)}`);
      else if (justified.onlyOn && !justified.onlyOn.test(page.file)) report(`ships the ${justified.name} outside the pages it is for`);
    }

    // Links, sources, stylesheets, form targets.
    const targets: { value: string; what: string }[] = [];
    for (const node of elements(page.tree)) {
      if (node.tagName === 'a' || node.tagName === 'link') {
        const href = attr(node, 'href');
        if (href !== undefined) targets.push({ value: href, what: `<${node.tagName} href>` });
      } else if (node.tagName === 'script' || node.tagName === 'img' || node.tagName === 'source' || node.tagName === 'iframe') {
        const src = attr(node, 'src');
        if (src !== undefined) targets.push({ value: src, what: `<${node.tagName} src>` });
      } else if (node.tagName === 'form') {
        targets.push({ value: attr(node, 'action') ?? '', what: '<form action>' });
      }
    }
    for (const { value, what } of targets) {
      if (/^(mailto|tel|data):/i.test(value)) continue;
      let target: URL;
      try {
        target = new URL(value, page.url);
      } catch {
        report(`${what} "${value}" is not a URL`);
        continue;
      }
      if (target.origin !== origin) continue; // external: not crawled
      stats.links += 1;
      if (/^#source-\d+$/.test(value)) stats.sourceLinks += 1;
      if (!target.pathname.startsWith(base)) {
        report(`${what} "${value}" leaves the base path ${base}`);
        continue;
      }
      const sitePath = target.pathname.slice(base.length - 1);
      const file = fileForPath(sitePath, files);
      // The 404 page's canonical names /404/, a page hosts serve as 404.html at any address (frame's choice).
      if (!file && !(page.file === '404.html' && sitePath === '/404/')) {
        report(`${what} "${value}" → ${sitePath} does not exist`);
        continue;
      }
      if (file?.endsWith('.html')) own.add(sitePathOfFile(file));
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file) {
        stats.fragments += 1;
        const targetPage = pages.get(file);
        if (!targetPage) report(`${what} "${value}" has a #fragment but ${file} is not a page`);
        else if (!targetPage.ids.has(fragment)) report(`${what} "${value}": no id="${fragment}" on ${file}`);
      }
    }
  }

  for (const file of fileList.filter((f) => f.endsWith('.json'))) {
    stats.jsonFiles += 1;
    try {
      JSON.parse(await readFile(path.join(outDir, file), 'utf8'));
    } catch (error) {
      problems.push({ page: file, message: `does not parse as JSON: ${String(error)}` });
    }
  }
  return { pages, problems, stats, linksFrom };
}

function formatProblems(problems: Problem[]): string {
  const shown = problems.slice(0, 60).map((p) => `${p.page}: ${p.message}`);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  return shown.join('\n');
}

/** Checks shared by both builds. */
function describeCrawl(label: string, setup: () => Promise<{ outDir: string; basePath: string; siteUrl: string; kb: KnowledgeBase }>) {
  describe(label, () => {
    let crawl: Crawl;
    let kb: KnowledgeBase;
    let outDir: string;
    let base: string;
    let siteUrl: string;

    beforeAll(async () => {
      const built = await setup();
      ({ outDir, kb, siteUrl } = built);
      base = normalizeBase(built.basePath);
      const started = performance.now();
      crawl = await crawlSite(outDir, built.basePath, siteUrl);
      const pageFiles = (await listFiles(path.join(repoRoot, 'src', 'pages'))).filter((f) => /\.(astro|md|mdx)$/.test(f));
      console.log(
        `[crawl] ${label}: ${crawl.stats.pages} pages, ${crawl.stats.links} internal links (${crawl.stats.fragments} with #fragment, ` +
          `${crawl.stats.sourceLinks} #source-n), ${crawl.stats.scripts} scripts, ${crawl.stats.jsonFiles} JSON files, ` +
          `${crawl.problems.length} problems, crawled in ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
          `[crawl] page files present: ${pageFiles.join(', ')}`,
      );
    });

    const problemsOf = (pattern: RegExp) => crawl.problems.filter((p) => pattern.test(p.message));

    it('has no broken internal link, src, form action or #fragment', () => {
      expect(crawl.stats.links).toBeGreaterThan(crawl.stats.pages);
      const broken = problemsOf(/does not exist|no id=|leaves the base|not a URL|is not a page/);
      expect(broken, formatProblems(broken)).toEqual([]);
    });

    it('gives every page one h1, a title and one canonical link', () => {
      const structural = problemsOf(/<h1>|<title>|canonical/);
      expect(structural, formatProblems(structural)).toEqual([]);
    });

    it('lands every #source-n link on a numbered source of its own page', () => {
      for (const page of crawl.pages.values()) {
        for (const a of elements(page.tree, 'a')) {
          const href = attr(a, 'href');
          if (href && /^#source-\d+$/.test(href)) expect(page.ids.has(href.slice(1)), `${page.file}: ${href}`).toBe(true);
        }
      }
    });

    it('ships no script but JSON-LD and the justified module scripts, and nothing the CSP would block', () => {
      const scripts = problemsOf(/script|inline event handler|style attribute/);
      expect(scripts, formatProblems(scripts)).toEqual([]);
    });

    it('links every FAQ that names an office from that office’s contact page', () => {
      const contactPages = kb.contacts.filter((c) => crawl.linksFrom.has(paths.contact(c.id)));
      if (kb.contacts.length > 0) expect(contactPages.length, 'contact pages exist for the graph’s contacts').toBe(kb.contacts.length);
      for (const contact of contactPages) {
        const linked = crawl.linksFrom.get(paths.contact(contact.id))!;
        const faqsWithPages = contact.faqs.filter((id) => crawl.linksFrom.has(paths.faq(id)));
        expect(faqsWithPages.filter((id) => !linked.has(paths.faq(id))), `${contact.id} misses FAQ links`).toEqual([]);
      }
    });

    it('puts exactly the searchable pages in the search index, each with its <main> as the indexed body', async () => {
      const marked = (page: Page) => elements(page.tree, 'main').some((m) => m.properties['dataPagefindBody'] !== undefined);
      const all = [...crawl.pages.values()];
      // Pages that only repeat what entity pages say stay out of the index (BaseLayout's searchable={false}).
      const derived = [
        /^compare\//, // matrices, side-by-side views, the picker, the enforcement report
        /^(policies|faqs|contacts)\/state\//, // per-state lists
        /\/page\/\d+\/index\.html$/, // pages 2 and on of any paged list
        /^model-language\/[^/]+\/index\.html$/, // passages quoted per guideline
        /^places\/[^/]+\/versions\//, // a place's version history
      ];
      const searchable = (p: Page) => !p.noindex && !derived.some((pattern) => pattern.test(p.file));
      expect(all.filter((p) => searchable(p) && !marked(p)).map((p) => p.file), 'searchable pages whose <main> is not marked').toEqual([]);
      expect(all.filter((p) => !searchable(p) && marked(p)).map((p) => p.file), 'noindex or derived pages marked for the index').toEqual([]);
      expect(all.filter((p) => p.noindex).map((p) => p.file)).toEqual(expect.arrayContaining(['404.html', 'search/index.html']));
      // Every kind of entity page the site has is searchable (the Sunlight-only build has no guides).
      let kindsFound = 0;
      for (const kind of [/^policies\/[^/]+\/index\.html$/, /^faqs\/[^/]+\/[^/]+\/index\.html$/, /^contacts\/[^/]+\/[^/]+\/index\.html$/, /^places\/[^/]+\/index\.html$/, /^guidelines\/[^/]+\/index\.html$/]) {
        const pages = all.filter((p) => kind.test(p.file));
        if (pages.length > 0) kindsFound += 1;
        expect(pages.filter((p) => !marked(p)).map((p) => p.file), `${kind} pages left out of search`).toEqual([]);
      }
      expect(kindsFound).toBeGreaterThanOrEqual(3);
      const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
      expect(indexed).toBe(all.filter(searchable).length);
    });

    it('lists exactly the indexable pages in the sitemap', async () => {
      const xml = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      const prefix = siteUrl.replace(/\/$/, '') + base;
      expect(locs.every((l) => l.startsWith(prefix)), 'absolute URLs under SITE_URL and the base').toBe(true);
      const listed = new Set(locs.map((l) => `/${l.slice(prefix.length)}`));
      const indexable = [...crawl.pages.values()].filter((p) => !p.noindex && p.file.endsWith('index.html')).map((p) => sitePathOfFile(p.file));
      expect(indexable.filter((p) => !listed.has(p)), 'pages missing from the sitemap').toEqual([]);
      const pageByPath = new Map([...crawl.pages.values()].map((p) => [sitePathOfFile(p.file), p]));
      expect([...listed].filter((p) => !pageByPath.get(p) || pageByPath.get(p)!.noindex), 'sitemap URLs that are missing or noindex').toEqual([]);
    });

    it('links the feed only to pages that exist, with content dates', async () => {
      const xml = await readFile(path.join(outDir, 'rss.xml'), 'utf8');
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      const prefix = siteUrl.replace(/\/$/, '') + base;
      const links = [...xml.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"\/>/g)].map((m) => m[1]!);
      for (const link of links) expect(crawl.linksFrom.has(`/${link.slice(prefix.length)}`), link).toBe(true);
      const dated = kb.faqs.length + kb.policies.filter((p) => p.doc.data.date).length;
      expect(links.length).toBe(Math.min(dated, 50));
    });

    it('writes every JSON file parseable, and the API counts match the graph', async () => {
      const broken = crawl.problems.filter((p) => /JSON/.test(p.message));
      expect(broken, formatProblems(broken)).toEqual([]);
      const read = async (name: string) => JSON.parse(await readFile(path.join(outDir, 'api', name), 'utf8'));
      expect((await read('policies.json')).count).toBe(kb.policies.length);
      expect((await read('faqs.json')).count).toBe(kb.faqs.length);
      expect((await read('places.json')).count).toBe(kb.places.length);
      expect((await read('contacts.json')).count).toBe(kb.contacts.length);
      expect((await read('guidelines.json')).count).toBe(kb.guidelines.length);
      const passages = await read('passages.json');
      expect(passages.count).toBe(kb.policies.reduce((n, p) => n + p.passages.length, 0));
      // One file per guideline, each at the address the index gives, together every passage.
      let inFiles = 0;
      for (const entry of passages.files) {
        const file = await read(`passages/${entry.guideline}.json`);
        expect(entry.url).toMatch(new RegExp(`/api/passages/${entry.guideline}\\.json$`));
        expect(file.count, entry.guideline).toBe(entry.count);
        inFiles += file.passages.length;
      }
      expect(inFiles).toBe(passages.count);
      const catalog = JSON.parse(await readFile(path.join(outDir, 'data.json'), 'utf8'));
      expect(catalog.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
      for (const dataset of catalog.dataset) {
        const download = new URL(dataset.distribution[0].downloadURL);
        expect(fileForPath(download.pathname.slice(base.length - 1), new Set(await listFiles(outDir))), download.href).toBeDefined();
      }
    });
  });
}

// The project's own content.
{
  let build: SiteBuild | undefined;
  describeCrawl('site built from content/', async () => {
    const contentDir = path.join(repoRoot, 'content');
    // Real content is checked against the real date (its review dates are real); the sample is pinned.
    const today = todayIso();
    build = await buildSite(contentDir, { env: { KB_TODAY: today } });
    if (!build.ok) throw new Error(`build of content/ failed (exit ${build.exitCode}):\n${build.output}`);
    const { kb } = await loadKnowledgeBase(contentDir, { today });
    return { outDir: build.outDir, basePath: '/', siteUrl: DEFAULT_SITE_URL, kb };
  });
  afterAll(async () => {
    await build?.cleanup();
  });
}

// The Sunlight sample, imported by the importer CLI, built under a base path.
const importer = path.join(repoRoot, 'scripts', 'import-sunlight.ts');
const sample = path.resolve(repoRoot, '../shared/sunlight-sample');
const canImport = existsSync(importer) && existsSync(sample);
if (!canImport) {
  describe.skip(`site built from the Sunlight sample (skipped: needs ${path.relative(repoRoot, importer)} and ${sample})`, () => {
    it('crawls', () => {});
  });
} else {
  let build: SiteBuild | undefined;
  let contentDir: string | undefined;
  describeCrawl('site built from the Sunlight sample under BASE_PATH=/kb/', async () => {
    // Inside the repository (.build-tmp/ is git-ignored): Astro's content layer refuses files outside the root.
    await mkdir(path.join(repoRoot, '.build-tmp'), { recursive: true });
    contentDir = await mkdtemp(path.join(repoRoot, '.build-tmp', 'crawl-sunlight-'));
    const imported = await runNode([importer, sample, '--out', contentDir]);
    if (imported.exitCode !== 0) throw new Error(`import:sunlight failed (exit ${imported.exitCode}):\n${imported.output}`);
    // The importer writes places and policies; the guidelines are the project's.
    const hasGuidelines = await stat(path.join(contentDir, 'guidelines')).then(() => true, () => false);
    if (!hasGuidelines) await cp(path.join(repoRoot, 'content', 'guidelines'), path.join(contentDir, 'guidelines'), { recursive: true });
    const env = { KB_TODAY: TODAY, BASE_PATH: '/kb/', SITE_URL: 'https://kb.example.org' };
    build = await buildSite(contentDir, { env });
    if (!build.ok) throw new Error(`build of the imported sample failed (exit ${build.exitCode}):\n${build.output}`);
    const { kb } = await loadKnowledgeBase(contentDir, { today: TODAY });
    return { outDir: build.outDir, basePath: env.BASE_PATH, siteUrl: env.SITE_URL, kb };
  });
  afterAll(async () => {
    await build?.cleanup();
    if (contentDir) await rm(contentDir, { recursive: true, force: true });
  });
}

function runNode(args: string[]): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // process.execPath is the pinned Node 24 that runs vitest; the system node is too old.
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output }));
  });
}
