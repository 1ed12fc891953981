/**
 * Body Markdown → safe HTML, for policies and FAQs alike: unified (remark →
 * rehype), raw HTML parsed, sanitized by an allow-list, headings demoted under
 * the page's h1 and given ids, passage anchors set, `[n]` citations linked.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toString as hastToString } from 'hast-util-to-string';
import { scanSpans, type SpanScan } from '../passages/scan-spans.ts';
import { bodySanitizeSchema } from './sanitize-schema.ts';
import { splitSpansAtBlocks } from './split-spans.ts';

export interface TocEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  toc: TocEntry[];
}

export interface RenderOptions {
  /** Numbers of the document's sources: `[n]` becomes a link to `#source-n` only for these. */
  sources?: ReadonlySet<number> | undefined;
}

/** Page titles are h1; body headings start at h2. */
function demoteHeadings() {
  return (tree: Root) => {
    const levels: number[] = [];
    visit(tree, 'element', (node: Element) => {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) levels.push(Number(match[1]));
    });
    const shift = levels.length && Math.min(...levels) === 1 ? 1 : 0;
    if (!shift) return;
    visit(tree, 'element', (node: Element) => {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) node.tagName = `h${Math.min(6, Number(match[1]) + shift)}`;
    });
  };
}

/** Gives the first part of every passage its anchor id (after sanitizing, which strips ids). */
function passageAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const passage = node.properties['dataPassage'];
      if (node.tagName === 'span' && typeof passage === 'string' && node.properties['dataCont'] === undefined) {
        node.properties['id'] = passage;
      }
    });
  };
}

/**
 * What one render call hands the shared processor: the plugins read it from
 * the file, so a single frozen processor serves every body.
 */
interface RenderCall {
  sources: ReadonlySet<number>;
  toc: TocEntry[];
}
const NO_SOURCES: ReadonlySet<number> = new Set<number>();

function renderCall(file: VFile): RenderCall {
  return (file.data as { civicRender?: RenderCall }).civicRender ?? { sources: NO_SOURCES, toc: [] };
}

/** Links "[n]" in text to the numbered source n, when the document has it. */
function linkCitations() {
  return (tree: Root, file: VFile) => {
    const { sources } = renderCall(file);
    if (!sources.size) return;
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || (parent as Element).tagName === 'a') return;
      const parts = splitCitations(node.value, sources);
      if (parts.length === 1 && parts[0]!.type === 'text') return;
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

export function splitCitations(value: string, sources: ReadonlySet<number>): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(/\[(\d{1,3})\]/g)) {
    const n = Number(match[1]);
    if (!sources.has(n)) continue;
    if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
    parts.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `#source-${n}`, className: ['cite'], ariaLabel: `Source ${n}` },
      children: [{ type: 'text', value: `[${n}]` }],
    });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

/** Marks links that leave the site. */
function externalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string' && /^https?:/i.test(href)) {
        node.properties['rel'] = ['noopener', 'noreferrer'];
        node.properties['className'] = ['external'];
      }
    });
  };
}

function collectToc() {
  return (tree: Root, file: VFile) => {
    const { toc } = renderCall(file);
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof node.properties['id'] === 'string') {
        toc.push({ depth: node.tagName === 'h2' ? 2 : 3, id: node.properties['id'], text: hastToString(node).trim() });
      }
    });
  };
}

/**
 * One processor for the whole process, built and frozen on first use. Creating
 * the unified pipeline per body re-ran every plugin's setup (sanitize schema,
 * GFM extensions) for each of tens of thousands of bodies; per-call inputs
 * travel in `file.data` instead (see RenderCall). Rendering is synchronous, so
 * calls never interleave on the shared plugin state (rehype-slug's slugger is
 * reset per tree).
 */
let sharedProcessor: ReturnType<typeof createProcessor> | undefined;

/**
 * Policy texts hold no code, but pasted documents are full of indentation: a
 * list item written "2.     <span …>" or a line indented four spaces would
 * become an indented code block, showing tags as text and losing the
 * passage's anchor. Turning the construct off keeps such lines prose
 * (fenced code still works).
 */
function remarkNoIndentedCode(this: { data: () => unknown }) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented'] } });
}

function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkNoIndentedCode)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, bodySanitizeSchema)
    .use(demoteHeadings)
    .use(passageAnchors)
    .use(linkCitations)
    .use(externalLinks)
    .use(rehypeSlug)
    .use(collectToc)
    .use(rehypeStringify)
    .freeze();
}

/** Renders any body. Guideline spans are split at block boundaries first. */
export function renderBody(
  body: string,
  knownCodes: ReadonlySet<string>,
  options: RenderOptions = {},
  scan: SpanScan = scanSpans(body),
): RenderedBody {
  const { source } = splitSpansAtBlocks(body, scan, knownCodes);
  const call: RenderCall = { sources: options.sources ?? NO_SOURCES, toc: [] };
  sharedProcessor ??= createProcessor();
  const html = String(sharedProcessor.processSync({ value: source, data: { civicRender: call } }));
  return { html, toc: call.toc };
}
