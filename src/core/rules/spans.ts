/** Guideline spans: balanced, known codes only, no stray classes (policies and FAQ bodies). */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Rule } from './context.ts';

/** Any word left once tags, entities for spaces and Markdown markers are gone: cheaper than the full text. */
const TAGS = /<[^<>]*>|&nbsp;|&#160;|[*_#>`-]/gi;
function tagsText(slice: string): boolean {
  return /\S/.test(slice.replace(TAGS, ''));
}

export const spansRule: Rule = ({ extraction, bodies }) => {
  const out: Diagnostic[] = [];
  const bodyOf = new Map(bodies.map((b) => [b.file, b.body]));
  for (const [file, { passages, diagnostics }] of extraction) {
    out.push(...diagnostics);
    const body = bodyOf.get(file) ?? '';
    for (const passage of passages) {
      if (!tagsText(body.slice(passage.start, passage.end))) {
        out.push({ file, line: passage.line, column: passage.column, rule: 'empty-passage', severity: 'warning', message: `the g-${passage.guideline} span tags no text`, hint: 'put the tagged words inside the span, or remove it' });
      }
    }
  }
  return out;
};
