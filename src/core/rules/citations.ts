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
import type { FieldPath } from './field-strings.ts';

const CITATION = /\[(\d{1,3})\]/g;

/**
 * Every string of a value and every `sources` number, in document order, each
 * with a function giving its path (built only for the few that are reported).
 */
function walk(value: unknown, onString: (text: string, path: () => FieldPath) => void, onRef: (n: number, path: () => FieldPath) => void): void {
  const stack: FieldPath = [];
  const path = () => [...stack];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') onString(node, path);
    else if (Array.isArray(node)) {
      const isSourceList = stack.at(-1) === 'sources' || stack.at(-1) === 'enforcers_sources';
      for (let i = 0; i < node.length; i++) {
        if (!(i in node)) continue; // forEach skipped holes
        const item: unknown = node[i];
        stack.push(i);
        if (isSourceList && typeof item === 'number') onRef(item, path);
        else visit(item);
        stack.pop();
      }
    } else if (node && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        stack.push(key);
        visit((node as Record<string, unknown>)[key]);
        stack.pop();
      }
    }
  };
  visit(value);
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
  // Citations in texts are reported before those in source lists, as before.
  const fromRefs: Diagnostic[] = [];
  walk(
    rest,
    (text, path) => {
      if (!text.includes('[')) return;
      for (const match of text.matchAll(CITATION)) {
        const n = Number(match[1]);
        cited.add(n);
        if (!numbers.has(n)) out.push(atField(faq, path(), unresolved(n)));
      }
    },
    (n, path) => {
      cited.add(n);
      if (!numbers.has(n)) fromRefs.push(atField(faq, path(), unresolved(n)));
    },
  );
  out.push(...fromRefs);
  for (const match of faq.body.includes('[') ? faq.body.matchAll(CITATION) : []) {
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
