/**
 * Repairs of a Hub policy body, one function per kind. Each returns the new
 * body and how many fixes it made, so the import report can say per file what
 * was changed. They are written for the Hub's real faults (see the report of
 * `npm run import:sunlight`) and leave everything else byte for byte.
 */
import { classesOf, scanSpans } from '../../passages/scan-spans.ts';
import { applyEdits, endOfContentBefore, removal, type TextEdit } from './edits.ts';
import { MOJIBAKE_TABLE } from './mojibake-table.ts';

export const REPAIR_KINDS = [
  'mojibake',
  'style-block',
  'third-party-image',
  'foreign-span',
  'p-self-closing',
  'p-unbalanced',
  'trailing-whitespace',
] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];
export type RepairCounts = Partial<Record<RepairKind, number>>;

export interface RepairResult {
  body: string;
  count: number;
}

const MOJIBAKE_PATTERN = new RegExp(
  [...MOJIBAKE_TABLE]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([broken]) => broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const MOJIBAKE_MAP = new Map(MOJIBAKE_TABLE);

/** Replaces the sequences of MOJIBAKE_TABLE, in one pass (a fix never feeds another). */
export function fixMojibake(body: string): RepairResult {
  let count = 0;
  const fixed = body.replace(MOJIBAKE_PATTERN, (broken) => {
    count++;
    return MOJIBAKE_MAP.get(broken) ?? broken;
  });
  return { body: fixed, count };
}

/** Drops `<style>` blocks: page styling of the Hub, meaningless (and unsafe) in our pages. */
export function removeStyleBlocks(body: string): RepairResult {
  const edits: TextEdit[] = [];
  for (const match of body.matchAll(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi)) {
    edits.push(removal(body, match.index, match.index + match[0].length));
  }
  return { body: applyEdits(body, edits), count: edits.length };
}

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');

/**
 * Drops `<img>` whose source is on another host: the site would load it from
 * a third party on every view (and it may be gone). Its alt text, if any, stays.
 */
export function removeThirdPartyImages(body: string): RepairResult {
  const edits: TextEdit[] = [];
  for (const match of body.matchAll(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const src = attributeValue(match[0], 'src');
    if (src === undefined || !/^(?:https?:)?\/\//i.test(src.trim())) continue;
    const alt = attributeValue(match[0], 'alt')?.trim();
    edits.push(alt ? { start: match.index, end: match.index + match[0].length, insert: alt } : removal(body, match.index, match.index + match[0].length));
  }
  return { body: applyEdits(body, edits), count: edits.length };
}

function attributeValue(tag: string, name: string): string | undefined {
  const match = ATTRIBUTE(name).exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Classes a span may carry: guideline tags and definitions (`def-data`, `def-open`, …). */
function isKeptClass(cls: string): boolean {
  return cls.startsWith('g-') || /^def-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(cls);
}

/**
 * Spans whose classes are neither guideline tags (g-…) nor definitions
 * (def-…), e.g. the Hub's `guideline-metadata` wrapper, are unwrapped and
 * their content kept; on a span that also has kept classes, only the foreign
 * classes go. Unbalanced spans are left alone (the import refuses them).
 */
export function unwrapForeignSpans(body: string): RepairResult {
  const edits: TextEdit[] = [];
  let count = 0;
  for (const span of scanSpans(body).spans) {
    const openTag = body.slice(span.openStart, span.openEnd);
    const classes = classesOf(openTag.slice('<span'.length, -1));
    const kept = classes.filter(isKeptClass);
    if (kept.length === classes.length && classes.length > 0) continue;
    count++;
    if (kept.length === 0) {
      edits.push({ start: span.openStart, end: span.openEnd, insert: '' });
      edits.push({ start: span.closeStart, end: span.closeEnd, insert: '' });
    } else {
      edits.push({ start: span.openStart, end: span.openEnd, insert: `<span class="${kept.join(' ')}">` });
    }
  }
  return { body: applyEdits(body, edits), count };
}

/** `<p/>` is not an empty paragraph in HTML but an unclosed `<p>`: it is dropped. */
export function removeSelfClosingParagraphs(body: string): RepairResult {
  const edits: TextEdit[] = [];
  let count = 0;
  // A run "<p/> <p/> <p/>" is removed as one piece, so no space is left between the pieces.
  for (const match of body.matchAll(/<p\s*\/>(?:[ \t]*<p\s*\/>)*/gi)) {
    count += match[0].match(/<p/gi)!.length;
    edits.push(removal(body, match.index, match.index + match[0].length));
  }
  return { body: applyEdits(body, edits), count };
}

/** Tags before which HTML closes an open paragraph by itself. */
const CLOSES_PARAGRAPH = /^<\/?(?:ol|ul|li|dl|dt|dd|h[1-6]|div|table|blockquote|pre|hr|section|article|header|footer|figure)\b/i;
const PARAGRAPH_TOKEN = /<(\/?)p(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>|<\/?[a-z][a-z0-9]*\b(?:[^>"']|"[^"]*"|'[^']*')*>|\n[ \t]*\n/gi;

/**
 * Makes every `<p>` end where HTML (and Markdown) would end it anyway, and
 * says so in the source: a `</p>` is inserted before the next `<p>`, before a
 * block element, at a blank line, or at the end; a `</p>` that closes nothing
 * is removed. A paragraph that already has its `</p>` is left as it is, blank
 * lines inside or not.
 */
export function balanceParagraphs(body: string): RepairResult {
  const tokens = [...body.matchAll(PARAGRAPH_TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: classifyToken(m[0]),
  }));
  const edits: TextEdit[] = [];
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'p-close') {
      if (open) open = false;
      else edits.push(removal(body, token.start, token.end));
      continue;
    }
    if (!open) {
      if (token.kind === 'p-open') open = true;
      continue;
    }
    // A paragraph is open: does it end here?
    if (token.kind === 'blank') {
      const next = tokens.slice(i + 1).find((t) => t.kind !== 'blank' && t.kind !== 'other');
      if (next?.kind === 'p-close') continue; // closed later: a paragraph with blank lines inside
    } else if (token.kind === 'other') continue;
    edits.push({ start: endOfContentBefore(body, token.start), end: endOfContentBefore(body, token.start), insert: '</p>' });
    open = token.kind === 'p-open';
  }
  if (open) edits.push({ start: endOfContentBefore(body, body.length), end: endOfContentBefore(body, body.length), insert: '</p>' });
  return { body: applyEdits(body, edits), count: edits.length };
}

function classifyToken(token: string): 'p-open' | 'p-close' | 'blank' | 'block' | 'other' {
  if (token.startsWith('\n')) return 'blank';
  if (/^<p[\s>]/i.test(token)) return 'p-open';
  if (/^<\/p\s*>/i.test(token)) return 'p-close';
  return CLOSES_PARAGRAPH.test(token) ? 'block' : 'other';
}

/**
 * Trailing spaces and tabs go, except two or more spaces before a non-blank
 * line: that is a Markdown hard line break, and it stays.
 */
export function trimTrailingWhitespace(body: string): RepairResult {
  const lines = body.split('\n');
  let count = 0;
  const trimmed = lines.map((line, i) => {
    const trailing = /[ \t]+$/.exec(line);
    if (!trailing) return line;
    const next = lines[i + 1];
    const hardBreak = /\S {2,}$/.test(line) && next !== undefined && next.trim() !== '';
    if (hardBreak) return line;
    count++;
    return line.slice(0, trailing.index);
  });
  return { body: trimmed.join('\n'), count };
}

/** The repairs in the order they run: characters first, then markup, then layout. */
export const REPAIRS: ReadonlyArray<readonly [RepairKind, (body: string) => RepairResult]> = [
  ['mojibake', fixMojibake],
  ['style-block', removeStyleBlocks],
  ['third-party-image', removeThirdPartyImages],
  ['foreign-span', unwrapForeignSpans],
  ['p-self-closing', removeSelfClosingParagraphs],
  ['p-unbalanced', balanceParagraphs],
  ['trailing-whitespace', trimTrailingWhitespace],
];

/** Runs every repair; counts only the kinds that changed something. */
export function repairBody(body: string): { body: string; repairs: RepairCounts } {
  const repairs: RepairCounts = {};
  let current = body;
  for (const [kind, repair] of REPAIRS) {
    const result = repair(current);
    if (result.count > 0) repairs[kind] = result.count;
    current = result.body;
  }
  return { body: current, repairs };
}
