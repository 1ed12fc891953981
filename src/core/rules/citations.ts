/**
 * Every citation in an FAQ resolves to one of its numbered sources: "[n]" in
 * the body and in any frontmatter text, and every `sources: [n]` list. Source
 * numbers are unique; a source nothing cites is worth a warning.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from '../diagnostics/diagnostic.ts';
import type { FaqDoc } from '../load/load-content.ts';
import { FACET_KEYS } from '../schema/faq.ts';
import { atField, type Rule } from './context.ts';

const CITATION = /\[(\d{1,3})\]/g;

/** Every string of a value with its path, and every `sources` number list. */
function walk(value: unknown, path: (string | number)[], strings: [string, (string | number)[]][], refs: [number, (string | number)[]][]) {
  if (typeof value === 'string') strings.push([value, path]);
  else if (Array.isArray(value)) {
    const isSourceList = path.at(-1) === 'sources' || path.at(-1) === 'enforcers_sources';
    value.forEach((item, i) => (isSourceList && typeof item === 'number' ? refs.push([item, [...path, i]]) : walk(item, [...path, i], strings, refs)));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) walk(v, [...path, key], strings, refs);
  }
}

function checkFaq(faq: FaqDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const numbers = new Set<number>();
  faq.data.sources.forEach((source, i) => {
    if (numbers.has(source.n)) out.push(atField(faq, ['sources', i, 'n'], { rule: 'duplicate-source', severity: 'error', message: `source number ${source.n} is used twice` }));
    numbers.add(source.n);
  });
  const cited = new Set<number>();
  const unresolved = (n: number) => ({
    rule: 'unresolved-citation',
    severity: 'error' as const,
    message: `[${n}] cites no source: this FAQ has ${numbers.size ? `sources ${[...numbers].sort((a, b) => a - b).join(', ')}` : 'no sources'}`,
    hint: `add a source with n: ${n} under "sources", or correct the number`,
  });
  const { sources: _sources, ...rest } = faq.data;
  const strings: [string, (string | number)[]][] = [];
  const refs: [number, (string | number)[]][] = [];
  walk(rest, [], strings, refs);
  for (const [text, path] of strings) {
    for (const match of text.matchAll(CITATION)) {
      const n = Number(match[1]);
      cited.add(n);
      if (!numbers.has(n)) out.push(atField(faq, path, unresolved(n)));
    }
  }
  for (const [n, path] of refs) {
    cited.add(n);
    if (!numbers.has(n)) out.push(atField(faq, path, unresolved(n)));
  }
  for (const match of faq.body.matchAll(CITATION)) {
    const n = Number(match[1]);
    cited.add(n);
    if (numbers.has(n)) continue;
    const pos = positionAt(faq.body, match.index);
    out.push({ file: faq.file, line: faq.bodyLine + pos.line - 1, column: pos.column, ...unresolved(n) });
  }
  // "Not specified on the cited page" is only a fact when we say which page was checked.
  for (const key of FACET_KEYS) {
    const facet = faq.data.enforcement?.[key];
    if (facet?.status === 'not-specified' && facet.sources.length === 0) {
      out.push(atField(faq, ['enforcement', key, 'status'], { rule: 'unsourced-not-specified', severity: 'warning', message: `${key} is "not specified" but names no source that was checked`, hint: 'add sources: [n] for the page that was read and found silent on this point' }));
    }
  }
  faq.data.sources.forEach((source, i) => {
    if (!cited.has(source.n)) {
      out.push(atField(faq, ['sources', i], { rule: 'uncited-source', severity: 'warning', message: `source ${source.n} ("${source.title}") is cited nowhere`, hint: 'cite it with [n] where it supports a claim, or remove it' }));
    }
    if (!source.url) {
      out.push(atField(faq, ['sources', i], { rule: 'source-without-url', severity: 'warning', message: `source ${source.n} ("${source.title}") has no URL`, hint: 'add the address of the page that was checked, when it is known' }));
    }
  });
  return out;
}

export const citationsRule: Rule = ({ faqs }) => faqs.flatMap(checkFaq);
