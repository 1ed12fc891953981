/**
 * Bounds on nesting. Real policies nest guideline spans up to 7 deep; the
 * renderer (unified, recursive) overflows its stack somewhere past a thousand
 * levels of spans, quotes or lists. Refusing absurd depth here gives the
 * editor a line to fix instead of a build that dies without one.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Rule } from './context.ts';

export const MAX_SPAN_DEPTH = 32;
export const MAX_BLOCK_DEPTH = 32;

/** Depth of ">" quote markers or of list indentation at the start of a line. */
export function blockDepth(line: string): number {
  const quotes = /^(?:[ \t]*>)+/.exec(line)?.[0].split('>').length ?? 1;
  // Indentation counts only on list items: pasted text is often indented for no reason.
  const item = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/.exec(line);
  const indent = item ? item[1]!.replace(/\t/g, '    ').length : 0;
  return Math.max(quotes - 1, Math.floor(indent / 2));
}

/**
 * A line can only be too deep if it starts with more than MAX_BLOCK_DEPTH ">"
 * markers or with at least 2 × (MAX_BLOCK_DEPTH + 1) columns of indentation (a
 * tab counts 4, so at least that many / 4 blanks). Only lines that start so
 * are measured: splitting every body into lines cost more than the check.
 */
const MAYBE_TOO_DEEP = new RegExp(`(?:[ \\t]*>){${MAX_BLOCK_DEPTH + 1}}|[ \\t]{${Math.ceil((2 * (MAX_BLOCK_DEPTH + 1)) / 4)}}`, 'y');

/** 0-based index of the first line (split at "\n") deeper than allowed, or -1. */
export function firstTooDeepLine(body: string): number {
  let index = 0;
  for (let start = 0; start !== -1; index++) {
    const next = body.indexOf('\n', start);
    const c = body.charCodeAt(start);
    if (c === 0x20 || c === 0x09 || c === 0x3e) {
      MAYBE_TOO_DEEP.lastIndex = start;
      if (MAYBE_TOO_DEEP.test(body) && blockDepth(body.slice(start, next === -1 ? body.length : next)) > MAX_BLOCK_DEPTH) return index;
    }
    start = next === -1 ? -1 : next + 1;
  }
  return -1;
}

export const nestingRule: Rule = ({ extraction, bodies }) => {
  const out: Diagnostic[] = [];
  for (const [file, { passages }] of extraction) {
    const deep = passages.find((p) => p.depth >= MAX_SPAN_DEPTH);
    if (deep) {
      out.push({ file, line: deep.line, column: deep.column, rule: 'nesting-depth', severity: 'error', message: `guideline spans nested ${deep.depth + 1} deep here; the limit is ${MAX_SPAN_DEPTH}`, hint: 'real policies need a handful of levels: close the spans that are left open by mistake' });
    }
  }
  for (const body of bodies) {
    const index = firstTooDeepLine(body.body);
    if (index >= 0) {
      out.push({ file: body.file, line: body.bodyLine + index, column: 1, rule: 'nesting-depth', severity: 'error', message: `quotes or lists nested more than ${MAX_BLOCK_DEPTH} levels deep`, hint: 'remove the extra ">" markers or indentation' });
    }
  }
  return out;
};
