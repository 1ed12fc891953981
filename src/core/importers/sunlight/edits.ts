/**
 * Text edits for the body repairs: collected as offset ranges, applied from
 * the end so earlier offsets stay valid. A removal that empties its line takes
 * the whole line with it, so a repair never leaves a blank line behind where
 * there was content.
 */

export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/**
 * Applies edits given in any order. Removals that touch or overlap are merged
 * (two neighbouring removals may both claim the space between them); an
 * insertion inside another edit's range is a bug of the caller.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged.at(-1);
    if (last && edit.start < last.end) {
      if (last.insert !== '' || edit.insert !== '') throw new Error(`overlapping edits at ${edit.start}`);
      last.end = Math.max(last.end, edit.end);
      continue;
    }
    merged.push({ ...edit });
  }
  let out = '';
  let at = 0;
  for (const edit of merged) {
    out += text.slice(at, edit.start) + edit.insert;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * A removal of [start, end): widened to whole lines when only whitespace
 * would stay on them, and then to one neighbouring blank line when the lines
 * around are both blank, so "a\n\n<style>…</style>\n\nb" becomes "a\n\nb".
 */
export function removal(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextNewline = text.indexOf('\n', end);
  const lineEnd = nextNewline === -1 ? text.length : nextNewline;
  const blankBefore = /^[ \t]*$/.test(text.slice(lineStart, start));
  const blankAfter = /^[ \t]*$/.test(text.slice(end, lineEnd));
  if (!blankBefore || !blankAfter) {
    // Mid-line: take the horizontal space that would be left dangling, but keep words apart.
    let from = start;
    let to = end;
    if (blankAfter) while (from > lineStart && /[ \t]/.test(text[from - 1]!)) from--;
    if (blankAfter || blankBefore || /[ \t]/.test(text[from - 1] ?? '')) while (to < lineEnd && /[ \t]/.test(text[to]!)) to++;
    return { start: from, end: to, insert: '' };
  }
  let from = lineStart;
  let to = nextNewline === -1 ? text.length : nextNewline + 1;
  const previousLineStart = from < 2 ? 0 : text.lastIndexOf('\n', from - 2) + 1;
  const previousLineBlank = from === 0 || /^[ \t]*\n$/.test(text.slice(previousLineStart, from));
  const nextLine = /^[ \t]*(\n|$)/.exec(text.slice(to));
  if (previousLineBlank && nextLine && to < text.length) to += nextLine[0].length;
  if (nextNewline === -1 && from > 0) from -= 1; // last line: drop the newline before it instead
  return { start: from, end: to, insert: '' };
}

/** Offset just after the last non-whitespace character before `offset`. */
export function endOfContentBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}
