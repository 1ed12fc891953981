/**
 * A readable diff of two plain texts, rendered as escaped HTML (safe for
 * set:html: every piece of text goes through escapeHtml).
 *
 * Two levels, so it stays fast and legible on long policies: paragraphs are
 * matched first (the `diff` package's diffArrays), then each run of changed
 * paragraphs is diffed word by word (diffWords) when it is short enough —
 * longer runs, typically a text rewritten from scratch, are shown as the old
 * paragraphs removed then the new ones added, which is what a word diff of
 * unrelated text amounts to anyway. Changes are <ins>/<del>, each starting with
 * a visually hidden "added:"/"removed:" so they are not told by colour or
 * decoration alone; long unchanged stretches fold into <details>.
 */
import { diffArrays, diffWords, type ChangeObject } from 'diff';
import { escapeHtml } from '../render/inline-text.ts';

export interface WordDiff {
  /** Escaped HTML: <p> per paragraph, <ins>/<del> for changes, <details> around folded paragraphs. */
  html: string;
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
export function mergeChanges(changes: readonly ChangeObject<string>[]): Segment[] {
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
      paragraphs.push(...splitParagraphs(mergeChanges(diffWords(removed.join('\n\n'), added.join('\n\n')))));
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

/** Paragraph HTML with runs of `foldAfter`+ unchanged paragraphs folded into <details>. */
export function paragraphsHtml(paragraphs: readonly Paragraph[], foldAfter = DEFAULT_FOLD_AFTER): string {
  const out: string[] = [];
  let run: Paragraph[] = [];
  const flush = () => {
    if (foldAfter > 0 && run.length >= foldAfter) {
      out.push(
        `<details class="diff__same"><summary>${run.length} unchanged paragraphs (${wordsOf(run, 'same')} words)</summary>${run.map(paragraphHtml).join('')}</details>`,
      );
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
  return out.join('\n');
}

/** Diff of two plain texts whose paragraphs are separated by blank lines (as toPlainText gives them). */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): WordDiff {
  const split = (text: string) => text.split(PARAGRAPH_BREAK).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const { paragraphs, blockChanges } = diffParagraphs(split(before), split(after), options.maxHunkWords);
  return {
    html: paragraphsHtml(paragraphs, options.foldAfter),
    addedWords: wordsOf(paragraphs, 'added'),
    removedWords: wordsOf(paragraphs, 'removed'),
    unchangedWords: wordsOf(paragraphs, 'same'),
    blockChanges,
  };
}
