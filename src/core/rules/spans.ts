/** Guideline spans: balanced, known codes only, no stray classes (policies and FAQ bodies). */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Rule } from './context.ts';

export const spansRule: Rule = ({ extraction }) => {
  const out: Diagnostic[] = [];
  for (const [file, { passages, diagnostics }] of extraction) {
    out.push(...diagnostics);
    for (const passage of passages) {
      if (!passage.text) {
        out.push({ file, line: passage.line, column: passage.column, rule: 'empty-passage', severity: 'warning', message: `the g-${passage.guideline} span tags no text`, hint: 'put the tagged words inside the span, or remove it' });
      }
    }
  }
  return out;
};
