/**
 * Refusal checks on a (repaired) policy body: every `g-` class must be one of
 * the known guideline codes, and every span must be closed. Either fault would
 * make the validator reject the file, so the importer refuses it up front and
 * says where.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { positionAt } from '../../diagnostics/diagnostic.ts';
import { scanSpans } from '../../passages/scan-spans.ts';
import { didYouMean } from '../../util/did-you-mean.ts';

export function checkTags(body: string, file: string, bodyLine: number, codes: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const where = (offset: number) => {
    const pos = positionAt(body, offset);
    return { file, line: pos.line + bodyLine - 1, column: pos.column };
  };
  const scan = scanSpans(body);
  for (const problem of scan.problems) {
    diagnostics.push({
      ...where(problem.offset), rule: 'unbalanced-span', severity: 'error',
      message: problem.kind === 'unclosed' ? 'this <span> is never closed' : 'this </span> closes no open <span>',
    });
  }
  for (const span of scan.spans) {
    for (const cls of span.classes) {
      if (!cls.startsWith('g-')) continue;
      const code = cls.slice(2);
      if (codes.has(code)) continue;
      const suggestion = didYouMean(code, codes);
      diagnostics.push({
        ...where(span.openStart), rule: 'unknown-guideline', severity: 'error',
        message: `"${cls}" is not one of the ${codes.size} guideline codes`,
        hint: suggestion ? `did you mean "g-${suggestion}"?` : 'see content/guidelines/ for the codes',
      });
    }
  }
  return diagnostics;
}

/**
 * Greek or Cyrillic letters in a word written in Latin letters ("POLΙCΥ" with
 * Greek Iota and Upsilon), or a Greek word of up to three letters in English
 * text ("ΤΟ:"): OCR look-alikes. Flagged, not changed — the intended letter
 * is a guess best made by a person with the original at hand.
 */
export function findLookalikes(body: string, file: string, bodyLine: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const match of body.matchAll(/[A-Za-z\u0370-\u03ff\u0400-\u04ff]+/g)) {
    const word = match[0];
    if (!/[\u0370-\u03ff\u0400-\u04ff]/.test(word)) continue;
    if (!/[A-Za-z]/.test(word) && !/^[\u0370-\u03ff]{1,3}$/.test(word)) continue;
    const pos = positionAt(body, match.index);
    diagnostics.push({
      file, line: pos.line + bodyLine - 1, column: pos.column, rule: 'hub-lookalike-letters', severity: 'warning',
      message: `"${word}" has Greek or Cyrillic letters that look like Latin ones (OCR); left as it is`,
      hint: 'retype the word from the original document',
    });
  }
  return diagnostics;
}
