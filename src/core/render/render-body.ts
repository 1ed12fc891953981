/**
 * Body Markdown → safe HTML, for policies and FAQs alike: unified (remark →
 * rehype), raw HTML parsed, sanitized by an allow-list, headings demoted under
 * the page's h1 and given ids, passage anchors set, `[n]` citations linked.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { VFile as VFileClass, type VFile } from 'vfile';
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
import { splitSpansAtBlocks, type SplitResult } from './split-spans.ts';

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

/** Levels of a tree's headings. */
function headingLevels(tree: Root): number[] {
  const levels: number[] = [];
  visit(tree, 'element', (node: Element) => {
    const match = /^h([1-6])$/.exec(node.tagName);
    if (match) levels.push(Number(match[1]));
  });
  return levels;
}

/** How far a text's headings move down: 1 when it uses h1 (the page's title is the h1), else 0. */
function headingShift(trees: readonly Root[]): number {
  const levels = trees.flatMap(headingLevels);
  return levels.length && Math.min(...levels) === 1 ? 1 : 0;
}

/** Page titles are h1; body headings start at h2. A text cut into parts moves every part alike. */
function demoteHeadings() {
  return (tree: Root, file: VFile) => {
    const shift = renderCall(file).headingShift ?? headingShift([tree]);
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
  /** Set when a text is rendered in parts: the shift of the whole text's headings. */
  headingShift?: number;
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
 * One pair of processors for the whole process, built and frozen on first use.
 * Creating the unified pipeline per body re-ran every plugin's setup (sanitize
 * schema, GFM extensions) for each of tens of thousands of bodies; per-call
 * inputs travel in `file.data` instead (see RenderCall). Rendering is
 * synchronous, so calls never interleave on the shared plugin state
 * (rehype-slug's slugger is reset per tree).
 *
 * The pipeline is in two halves so a text cut into parts can be parsed part by
 * part, then finished with what only the whole text knows (its heading shift).
 */
let sharedProcessors: { front: ReturnType<typeof createFront>; back: ReturnType<typeof createBack> } | undefined;

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

/** Markdown → sanitized HTML tree. */
function createFront() {
  return unified()
    .use(remarkParse)
    .use(remarkNoIndentedCode)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, bodySanitizeSchema)
    .freeze();
}

/** Sanitized tree → the site's HTML: headings, anchors, citations, links, ids, contents. */
function createBack() {
  return unified()
    .use(demoteHeadings)
    .use(passageAnchors)
    .use(linkCitations)
    .use(externalLinks)
    .use(rehypeSlug)
    .use(collectToc)
    .use(rehypeStringify)
    .freeze();
}

function processors() {
  return (sharedProcessors ??= { front: createFront(), back: createBack() });
}

function parseToTree(source: string, call: RenderCall): { tree: Root; file: VFile } {
  const { front } = processors();
  const file = new VFileClass({ value: source, data: { civicRender: call } });
  return { tree: front.runSync(front.parse(file), file) as Root, file };
}

function finish(tree: Root, file: VFile): string {
  const { back } = processors();
  return back.stringify(back.runSync(tree, file) as Root, file);
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
  const { tree, file } = parseToTree(source, call);
  return { html: finish(tree, file), toc: call.toc };
}

// Reference-style link definitions ("[1]: https://…") serve the whole text: each part gets them all.
const LINK_DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$/gm;

/**
 * Renders a body cut into parts at `sourceCuts` (offsets in the split source,
 * from planPolicyParts). Each part is balanced on its own (the cuts fall where
 * every span is closed); headings move down alike in every part, and each
 * part has its own contents. One cut-free plan renders exactly as renderBody.
 */
export function renderBodyParts(
  body: string,
  knownCodes: ReadonlySet<string>,
  sourceCuts: readonly number[],
  split: SplitResult = splitSpansAtBlocks(body, scanSpans(body), knownCodes),
  options: RenderOptions = {},
): RenderedBody[] {
  const bounds = [0, ...sourceCuts, split.source.length];
  const definitions = sourceCuts.length ? (split.source.match(LINK_DEFINITION) ?? []) : [];
  const parsed = bounds.slice(1).map((end, i) => {
    const text = split.source.slice(bounds[i], end);
    const missing = definitions.filter((d) => !text.includes(d));
    const call: RenderCall = { sources: options.sources ?? NO_SOURCES, toc: [] };
    return { call, ...parseToTree(missing.length ? `${text}\n\n${missing.join('\n')}\n` : text, call) };
  });
  const shift = headingShift(parsed.map((p) => p.tree));
  return parsed.map(({ call, tree, file }) => {
    call.headingShift = shift;
    return { html: finish(tree, file), toc: call.toc };
  });
}
