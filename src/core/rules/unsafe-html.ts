/**
 * Refuses HTML that could run code, restyle or frame the page, submit data or
 * load from elsewhere: script/style/iframe/object/embed/form/base/meta/link/svg
 * elements, on* event handlers, and javascript:/vbscript:/data: URLs — in any
 * letter case and through entity tricks (`jav&#x61;script:`). The renderer's
 * sanitizer would drop them too; refusing them tells the editor.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from '../diagnostics/diagnostic.ts';
import { decodeEntities } from '../passages/plain-text.ts';
import type { BodyRecord } from '../load/load-content.ts';
import type { Rule } from './context.ts';

const FORBIDDEN_ELEMENT = /<\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|base|meta|link|svg|math|template|portal)\b/gi;
const TAG = /<[a-z][^>]*>/gi;
const EVENT_HANDLER = /[\s"'/]on[a-z]+\s*=/i;
const STYLE_ATTRIBUTE = /[\s"'/]style\s*=/i;
const URL_ATTRIBUTE = /\b(?:href|src|action|formaction|xlink:href|srcdoc|data|poster|background)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)/g;
const BAD_SCHEME = /^(?:javascript|vbscript|data|file):/i;

/** A URL as a browser would read its scheme: entities decoded, whitespace and controls removed. */
export function effectiveScheme(url: string): string {
  return decodeEntities(decodeEntities(url)).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

export function findUnsafeHtml(text: string): { offset: number; what: string }[] {
  const found: { offset: number; what: string }[] = [];
  for (const m of text.matchAll(FORBIDDEN_ELEMENT)) found.push({ offset: m.index, what: `<${m[1]!.toLowerCase()}> element` });
  for (const tag of text.matchAll(TAG)) {
    if (EVENT_HANDLER.test(tag[0])) found.push({ offset: tag.index, what: 'event handler attribute (on…=)' });
    if (STYLE_ATTRIBUTE.test(tag[0])) found.push({ offset: tag.index, what: 'style attribute' });
    for (const attr of tag[0].matchAll(URL_ATTRIBUTE)) {
      const value = attr[1] ?? attr[2] ?? attr[3] ?? '';
      if (BAD_SCHEME.test(effectiveScheme(value)) || /^srcdoc/i.test(attr[0])) found.push({ offset: tag.index, what: `unsafe URL "${value.slice(0, 30)}"` });
    }
  }
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    if (BAD_SCHEME.test(effectiveScheme(m[1]!))) found.push({ offset: m.index, what: `unsafe link "${m[1]!.slice(0, 30)}"` });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function checkBody(doc: BodyRecord): Diagnostic[] {
  if (!doc.body.includes('<') && !doc.body.includes('](')) return [];
  return findUnsafeHtml(doc.body).map(({ offset, what }) => {
    const pos = positionAt(doc.body, offset);
    return {
      file: doc.file, line: doc.bodyLine + pos.line - 1, column: pos.column, rule: 'unsafe-html', severity: 'error' as const,
      message: `${what} is not allowed in content`,
      hint: 'content is text with simple formatting: remove it (links must be http(s) or mailto)',
    };
  });
}

export const unsafeHtmlRule: Rule = ({ bodies }) => bodies.flatMap(checkBody);
