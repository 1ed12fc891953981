/**
 * A readable diff of two plain texts, rendered as escaped HTML (safe for
 * set:html: every piece of text goes through escapeHtml).
 *
 * Three levels, so it stays fast and legible on long policies: paragraphs are
 * matched first (the `diff` package's diffArrays), then each run of changed
 * paragraphs sentence by sentence, then each run of changed sentences word by
 * word (diffWords) when it is short enough. A word diff costs (length × edits):
 * two unrelated 4,000-word texts took 5.7 s, and the 1k bench corpus spent 31 %
 * of its build there. Matching sentences first bounds every word diff to a
 * short run; a long run of changed sentences (a text rewritten from scratch)
 * shows as the old sentences removed then the new ones added, which is what a
 * word diff of unrelated text amounts to anyway. Runs past maxHunkWords are
 * shown as whole paragraphs removed then added. Changes are <ins>/<del>, each starting with
 * a visually hidden "added:"/"removed:" so they are not told by colour or
 * decoration alone; long unchanged stretches fold into <details>.
 */
import { diffArrays, diffWords, type ChangeObject } from 'diff';
import { escapeHtml } from '../render/inline-text.ts';

export interface WordDiff {
  /** Escaped HTML: <p> per paragraph, <ins>/<del> for changes, <details> around folded paragraphs. */
  html: string;
  /**
   * The same HTML as its top-level blocks (a paragraph or a folded run each),
   * in order: html is blocks.join('\n'). A long diff is paged by these.
   */
  blocks: string[];
  addedWords: number;
  removedWords: number;
  unchangedWords: number;
  /** Runs of changed paragraphs too long to diff word by word, shown as removed then added. */
  blockChanges: number;
}

export interface WordDiffOptions {
  /** Diff a run of changed paragraphs word by word only up to this many words (old + new). */
  maxHunkWords?: number;
  /** Fold runs of at least this many unchanged paragraphs (0: never fold). */
  foldAfter?: number;
  /**
   * Cut a folded run into several <details>, none over this many bytes of
   * HTML, so each block fits on a page (default: never cut).
   */
  maxFoldBytes?: number;
}

export type SegmentKind = 'same' | 'added' | 'removed';
export interface Segment {
  kind: SegmentKind;
  text: string;
}
type Paragraph = Segment[];

/**
 * The word diff's cost grows with length × edits: a rewritten run of 4,000
 * words takes about 5 s, which bounds the worst case while the sample's
 * rewritten policies (3,300 and 3,900 words) still get a word-level diff.
 * A word count, not a timeout, so every build agrees.
 */
const DEFAULT_MAX_HUNK_WORDS = 4_000;
/** Runs of changed sentences up to this many words (old + new) are diffed word by word: about 1 ms each (400 words cost 4.5× as much over the 1k bench corpus). */
const WORD_LEVEL_MAX_WORDS = 150;
/** A sentence and the space after it; text without end punctuation is one piece. Pieces concatenate to the text. */
const SENTENCE = /[^.!?;:]*(?:[.!?;:]+|$)\s*/g;
const DEFAULT_FOLD_AFTER = 3;
const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/;
/** Unchanged stretches this short between two changes are folded into them. */
const GLUE_WORDS = 2;

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function kindOf(change: { added: boolean; removed: boolean }): SegmentKind {
  return change.added ? 'added' : change.removed ? 'removed' : 'same';
}

/**
 * Readability pass (in the spirit of diff-match-patch's semantic cleanup): a
 * word or two left unchanged between two changes ("to", "the") becomes part
 * of both, then each run of changes is written as everything removed followed
 * by everything added — "removed: is committed to expanding" rather than a
 * chequerboard of one-word marks. Old text = same + removed, new text = same +
 * added, in order, before and after this pass.
 */
export function mergeChanges(changes: readonly Change[]): Segment[] {
  const segments: Segment[] = changes.map((c) => ({ kind: kindOf(c), text: c.value }));
  const glued: Segment[] = [];
  segments.forEach((segment, i) => {
    const prev = segments[i - 1];
    const next = segments[i + 1];
    const isGlue =
      segment.kind === 'same' && prev && next && prev.kind !== 'same' && next.kind !== 'same' &&
      countWords(segment.text) <= GLUE_WORDS && !PARAGRAPH_BREAK.test(segment.text);
    if (isGlue) glued.push({ kind: 'removed', text: segment.text }, { kind: 'added', text: segment.text });
    else glued.push(segment);
  });
  const merged: Segment[] = [];
  for (let i = 0; i < glued.length; ) {
    if (glued[i]!.kind === 'same') {
      merged.push(glued[i++]!);
      continue;
    }
    let removed = '';
    let added = '';
    for (; i < glued.length && glued[i]!.kind !== 'same'; i++) {
      if (glued[i]!.kind === 'removed') removed += glued[i]!.text;
      else added += glued[i]!.text;
    }
    if (removed) merged.push({ kind: 'removed', text: removed });
    if (added) merged.push({ kind: 'added', text: added });
  }
  return merged;
}

type Change = Pick<ChangeObject<string>, 'value' | 'added' | 'removed'>;

function sentencesOf(text: string): string[] {
  return (text.match(SENTENCE) ?? []).filter((piece) => piece !== '');
}

/**
 * Changes between two runs of text: sentences matched whole first, then each
 * short run of changed sentences word by word; a long one stays whole.
 */
export function diffRun(before: string, after: string): Change[] {
  if (countWords(before) + countWords(after) <= WORD_LEVEL_MAX_WORDS) return diffWords(before, after);
  const changes: Change[] = [];
  const sentences = diffArrays(sentencesOf(before), sentencesOf(after));
  for (let i = 0; i < sentences.length; i++) {
    const change = sentences[i]!;
    if (!change.added && !change.removed) {
      changes.push({ value: change.value.join(''), added: false, removed: false });
      continue;
    }
    const next = sentences[i + 1];
    const pairsWithNext = next && (next.added || next.removed) && kindOf(next) !== kindOf(change);
    const removed = (change.removed ? change.value : pairsWithNext ? next.value : []).join('');
    const added = (change.added ? change.value : pairsWithNext ? next.value : []).join('');
    if (pairsWithNext) i++;
    if (removed && added && countWords(removed) + countWords(added) <= WORD_LEVEL_MAX_WORDS) changes.push(...diffWords(removed, added));
    else {
      if (removed) changes.push({ value: removed, added: false, removed: true });
      if (added) changes.push({ value: added, added: true, removed: false });
    }
  }
  return changes;
}

/** Segments → paragraphs of segments, split where a segment's text holds a blank line. */
function splitParagraphs(segments: readonly Segment[]): Paragraph[] {
  const paragraphs: Paragraph[] = [[]];
  for (const { kind, text } of segments) {
    text.split(PARAGRAPH_BREAK).forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece) paragraphs.at(-1)!.push({ kind, text: piece });
    });
  }
  return paragraphs.filter((p) => p.some((s) => s.text.trim()));
}

const wholeParagraphs = (kind: SegmentKind, texts: readonly string[]): Paragraph[] => texts.map((text) => [{ kind, text }]);

/**
 * The diff as paragraphs of segments. Paragraphs are compared whole first;
 * each run of changed ones is then diffed word by word when short enough.
 */
export function diffParagraphs(before: readonly string[], after: readonly string[], maxHunkWords = DEFAULT_MAX_HUNK_WORDS): {
  paragraphs: Paragraph[];
  blockChanges: number;
} {
  const paragraphs: Paragraph[] = [];
  let blockChanges = 0;
  const changes = diffArrays([...before], [...after]);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      paragraphs.push(...wholeParagraphs('same', change.value));
      continue;
    }
    // A run of changes is at most one removed and one added entry, in either order.
    const next = changes[i + 1];
    const pairsWithNext = next && (next.added || next.removed) && kindOf(next) !== kindOf(change);
    const removed = change.removed ? change.value : pairsWithNext ? next.value : [];
    const added = change.added ? change.value : pairsWithNext ? next.value : [];
    if (pairsWithNext) i++;
    const words = countWords(removed.join(' ')) + countWords(added.join(' '));
    if (removed.length && added.length && words <= maxHunkWords) {
      paragraphs.push(...splitParagraphs(mergeChanges(diffRun(removed.join('\n\n'), added.join('\n\n')))));
    } else {
      if (removed.length && added.length) blockChanges++;
      paragraphs.push(...wholeParagraphs('removed', removed), ...wholeParagraphs('added', added));
    }
  }
  return { paragraphs, blockChanges };
}

const MARK: Record<Exclude<SegmentKind, 'same'>, { tag: string; label: string }> = {
  added: { tag: 'ins', label: 'added: ' },
  removed: { tag: 'del', label: 'removed: ' },
};

function segmentHtml(segment: Segment): string {
  const text = escapeHtml(segment.text);
  if (segment.kind === 'same' || !segment.text.trim()) return text;
  // Whitespace around the change stays outside the mark, so marks hug words.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  const { tag, label } = MARK[segment.kind];
  return `${lead}<${tag}><span class="visually-hidden">${label}</span>${core}</${tag}>${trail}`;
}

function paragraphHtml(paragraph: Paragraph): string {
  return `<p>${paragraph.map(segmentHtml).join('').replace(/\s+/g, ' ').trim()}</p>`;
}

const isChanged = (paragraph: Paragraph) => paragraph.some((s) => s.kind !== 'same' && s.text.trim());
const wordsOf = (paragraphs: readonly Paragraph[], kind: SegmentKind) =>
  paragraphs.reduce((n, p) => n + p.filter((s) => s.kind === kind).reduce((m, s) => m + countWords(s.text), 0), 0);

const utf8Bytes = (html: string) => Buffer.byteLength(html, 'utf8');

/** A run of unchanged paragraphs cut into consecutive runs of at most `maxBytes` of paragraph HTML (at least one paragraph each). */
function cutRun(run: readonly Paragraph[], maxBytes: number): Paragraph[][] {
  if (!Number.isFinite(maxBytes)) return [[...run]];
  const parts: Paragraph[][] = [[]];
  let used = 0;
  for (const paragraph of run) {
    const size = utf8Bytes(paragraphHtml(paragraph));
    if (parts.at(-1)!.length > 0 && used + size > maxBytes) {
      parts.push([]);
      used = 0;
    }
    parts.at(-1)!.push(paragraph);
    used += size;
  }
  return parts;
}

/** Paragraph HTML with runs of `foldAfter`+ unchanged paragraphs folded into <details>. */
export function paragraphsHtml(paragraphs: readonly Paragraph[], foldAfter = DEFAULT_FOLD_AFTER): string {
  return paragraphBlocks(paragraphs, foldAfter).join('\n');
}

/**
 * paragraphsHtml as its top-level blocks: a paragraph, or a folded run of
 * unchanged ones (cut into several when over `maxFoldBytes`).
 */
export function paragraphBlocks(paragraphs: readonly Paragraph[], foldAfter = DEFAULT_FOLD_AFTER, maxFoldBytes = Infinity): string[] {
  const out: string[] = [];
  let run: Paragraph[] = [];
  const flush = () => {
    if (foldAfter > 0 && run.length >= foldAfter) {
      for (const part of cutRun(run, maxFoldBytes)) {
        out.push(
          `<details class="diff__same"><summary>${part.length} unchanged paragraph${part.length === 1 ? '' : 's'} (${wordsOf(part, 'same')} words)</summary>${part.map(paragraphHtml).join('')}</details>`,
        );
      }
    } else out.push(...run.map(paragraphHtml));
    run = [];
  };
  for (const paragraph of paragraphs) {
    if (isChanged(paragraph)) {
      flush();
      out.push(paragraphHtml(paragraph));
    } else run.push(paragraph);
  }
  flush();
  return out;
}

/** Diff of two plain texts whose paragraphs are separated by blank lines (as toPlainText gives them). */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): WordDiff {
  return diffTexts(before, after, options.maxHunkWords)(options);
}

/** How a diff is laid out into blocks (WordDiffOptions without what the comparison itself depends on). */
export type DiffLayout = Pick<WordDiffOptions, 'foldAfter' | 'maxFoldBytes'>;

/**
 * The comparison of two texts, made once, laid out on demand: a version page lays a diff out whole, then
 * again with its folds cut to fit pages when it needs several, and the comparison is most of the cost.
 */
export function diffTexts(before: string, after: string, maxHunkWords?: number): (layout?: DiffLayout) => WordDiff {
  const split = (text: string) => text.split(PARAGRAPH_BREAK).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const diffed = diffParagraphs(split(before), split(after), maxHunkWords);
  return (layout = {}) => layoutDiff(diffed, layout);
}

function layoutDiff({ paragraphs, blockChanges }: { paragraphs: Paragraph[]; blockChanges: number }, options: DiffLayout): WordDiff {
  const blocks = paragraphBlocks(paragraphs, options.foldAfter, options.maxFoldBytes);
  return {
    html: blocks.join('\n'),
    blocks,
    addedWords: wordsOf(paragraphs, 'added'),
    removedWords: wordsOf(paragraphs, 'removed'),
    unchangedWords: wordsOf(paragraphs, 'same'),
    blockChanges,
  };
}
