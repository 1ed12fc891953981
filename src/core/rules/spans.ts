/** Guideline spans: balanced, known codes only, no stray classes (policies and FAQ bodies). */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Rule } from './context.ts';

/**
 * Whether body[start, end) has a character left once tags (`<…>` without
 * another `<` inside), `&nbsp;`/`&#160;` (any case), the Markdown markers
 * `*_#>\`-` and whitespace are taken out — what removing
 * /<[^<>]*>|&nbsp;|&#160;|[*_#>`-]/gi and testing /\S/ gave, without copying
 * the passage (a nested passage repeats its parents' text): it stops at the
 * first word.
 */
export function tagsText(body: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = body.charCodeAt(i);
    if (c === 0x3c /* < */) {
      let j = i + 1;
      while (j < end && body.charCodeAt(j) !== 0x3c && body.charCodeAt(j) !== 0x3e) j++;
      if (j < end && body.charCodeAt(j) === 0x3e) {
        i = j + 1;
        continue;
      }
      return true;
    }
    if (c === 0x26 /* & */ && i + 6 <= end && SPACE_ENTITY.test(body.slice(i, i + 6))) {
      i += 6;
      continue;
    }
    if (MARKERS.includes(body[i]!)) {
      i++;
      continue;
    }
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      i++;
      continue;
    }
    if (c < 0x80 || !/\s/.test(body[i]!)) return true;
    i++;
  }
  return false;
}
const SPACE_ENTITY = /^(?:&nbsp;|&#160;)$/i;
const MARKERS = '*_#>`-';

export const spansRule: Rule = ({ extraction, bodies }) => {
  const out: Diagnostic[] = [];
  const bodyOf = new Map(bodies.map((b) => [b.file, b.body]));
  for (const [file, { passages, diagnostics }] of extraction) {
    out.push(...diagnostics);
    const body = bodyOf.get(file) ?? '';
    for (const passage of passages) {
      if (!tagsText(body, passage.start, passage.end)) {
        out.push({ file, line: passage.line, column: passage.column, rule: 'empty-passage', severity: 'warning', message: `the g-${passage.guideline} span tags no text`, hint: 'put the tagged words inside the span, or remove it' });
      }
    }
  }
  return out;
};
