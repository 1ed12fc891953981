/**
 * Refuses HTML that could run code, restyle or frame the page, submit data or
 * load from elsewhere: script/style/iframe/object/embed/form/base/meta/link/svg
 * elements, images, on* event handlers, style attributes, and
 * javascript:/vbscript:/data:/file: URLs — in any letter case, through entity
 * tricks (`jav&#x61;script:`, `&#0000106avascript:`, `javascript&colon;`) and
 * in every Markdown link form (inline, reference definitions, autolinks). The
 * renderer's sanitizer would drop them too; refusing them tells the editor.
 *
 * Everything here is a linear scan: bodies can be megabytes long.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { lineIndex } from '../diagnostics/diagnostic.ts';
import { decodeEntities } from '../passages/plain-text.ts';
import type { BodyRecord } from '../load/load-content.ts';
import type { Rule } from './context.ts';

const FORBIDDEN_ELEMENT =
  /<\s*(script|style|iframe|frame|frameset|object|embed|applet|param|form|input|button|textarea|select|base|meta|link|svg|math|template|portal|noscript|noembed|noframes|xmp|plaintext|title|video|audio|source|track|picture)\b/gi;
/** Images are never published (the sanitizer drops them; one from another site would be a third-party request). */
const IMAGE_TAG = /<\s*img\b/gi;
// No "[" inside the alt text: each attempt stops at the next one, so a line of "![![![…" stays linear.
const MARKDOWN_IMAGE = /!\[[^\][\n]*\]\(/g;
export const EVENT_HANDLER = /[\s"'/]on[a-z]+\s*=/i;
export const STYLE_ATTRIBUTE = /[\s"'/]style\s*=/i;
export const URL_ATTRIBUTE =
  /(?:^|[\s"'/])(href|src|srcset|action|formaction|xlink:href|srcdoc|data|poster|background|cite|ping|longdesc|lowsrc|dynsrc|codebase|classid|manifest|icon|usemap)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)/g;
/** `[label]: destination`, the destination possibly on the next line. */
const REFERENCE_DEFINITION = /^[ \t]{0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*\n?[ \t]*<?([^\s>]+)/gm;
/** `<scheme:anything>`: CommonMark turns it into a link. */
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;
const BAD_SCHEME = /^(?:javascript|vbscript|data|file):/i;
/** Numeric character references as browsers read them in attributes: leading zeros, semicolon optional. */
const NUMERIC_REFERENCE = /&#(?:x([0-9a-f]+)|(\d+));?/gi;
/** Named references that spell the characters a scheme is hidden with. */
const SCHEME_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', period: '.', excl: '!' };

function decodeNumeric(text: string): string {
  return text.replace(NUMERIC_REFERENCE, (whole, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A URL as a browser (or the Markdown parser) would read its scheme: character
 * references decoded (twice, for `&amp;#106;`), Markdown backslash escapes
 * removed, whitespace and control characters dropped, lower-cased.
 */
export function effectiveScheme(url: string): string {
  let text = url;
  for (let round = 0; round < 2; round++) {
    text = decodeNumeric(decodeEntities(text)).replace(/&([a-z]+);?/gi, (whole, name: string) => SCHEME_ENTITIES[name.toLowerCase()] ?? whole);
  }
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
    .toLowerCase();
}

/** Why a URL is refused, or undefined when it is fine. */
function urlProblem(url: string): string | undefined {
  if (BAD_SCHEME.test(effectiveScheme(url))) return `unsafe URL "${url.slice(0, 30)}"`;
  // No scheme needs character references; one written with them is hiding something.
  if (/^[^/?#]*&/.test(url)) return `URL with a character reference before its path "${url.slice(0, 30)}"`;
  return undefined;
}

/**
 * Start and end of every tag, ending at the first `>` that is not inside a
 * quoted attribute value (as a browser reads `<a title=">" href=…>`). A tag
 * left open runs to the end of the text, and the scan stops there, so the
 * whole pass stays linear.
 */
export function* scanTags(text: string): Generator<{ start: number; end: number }> {
  const opening = /<[a-z]/gi;
  let from = 0;
  while (true) {
    opening.lastIndex = from;
    const match = opening.exec(text);
    if (!match) return;
    const start = match.index;
    let i = start + 2;
    let end = -1;
    while (i < text.length) {
      const c = text[i];
      if (c === '>') {
        end = i + 1;
        break;
      }
      if (c === '=') {
        i++;
        while (i < text.length && /\s/.test(text[i]!)) i++;
        const quote = text[i];
        if (quote === '"' || quote === "'") {
          const close = text.indexOf(quote, i + 1);
          if (close === -1) break;
          i = close + 1;
          continue;
        }
        continue;
      }
      i++;
    }
    if (end === -1) {
      yield { start, end: text.length };
      return;
    }
    yield { start, end };
    from = end;
  }
}

/** Each link pattern with a string it cannot match without. */
const LINK_PATTERNS: readonly [RegExp, string][] = [
  [MARKDOWN_LINK, ']('],
  [REFERENCE_DEFINITION, ']:'],
];

/** A tag with one class of plain words and no other attribute, e.g. `<span class="g-future-review">`. */
const PLAIN_CLASS_TAG = /^<[a-z][a-z0-9-]*\s+class\s*=\s*"[\w -]*"\s*>$/i;

/**
 * Tags that the three attribute checks cannot flag, decided without running
 * them (a body holds thousands of tags, nearly all of these): every one of
 * those patterns needs an "=", and in a plain class tag the only "=" follows
 * the attribute name "class".
 */
export function cannotHoldAttributeProblem(tag: string): boolean {
  return !tag.includes('=') || PLAIN_CLASS_TAG.test(tag);
}

export function findUnsafeHtml(text: string): { offset: number; what: string }[] {
  const found: { offset: number; what: string }[] = [];
  for (const m of text.matchAll(FORBIDDEN_ELEMENT)) found.push({ offset: m.index, what: `<${m[1]!.toLowerCase()}> element` });
  for (const m of text.matchAll(IMAGE_TAG)) found.push({ offset: m.index, what: 'image (the site publishes no images)' });
  if (text.includes('![')) for (const m of text.matchAll(MARKDOWN_IMAGE)) found.push({ offset: m.index, what: 'image (the site publishes no images)' });
  if (text.includes('<')) {
    for (const { start, end } of scanTags(text)) {
      const tag = text.slice(start, end);
      if (cannotHoldAttributeProblem(tag)) continue;
      if (EVENT_HANDLER.test(tag)) found.push({ offset: start, what: 'event handler attribute (on…=)' });
      if (STYLE_ATTRIBUTE.test(tag)) found.push({ offset: start, what: 'style attribute' });
      for (const attr of tag.matchAll(URL_ATTRIBUTE)) {
        const name = attr[1]!.toLowerCase();
        const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
        if (name === 'srcdoc') {
          found.push({ offset: start, what: 'srcdoc attribute' });
          continue;
        }
        // srcset and ping hold several URLs.
        const urls = name === 'srcset' || name === 'ping' ? value.split(/[\s,]+/).filter(Boolean) : [value];
        for (const url of urls) {
          const problem = urlProblem(url);
          if (problem) found.push({ offset: start, what: problem });
        }
      }
    }
    for (const m of text.matchAll(AUTOLINK)) {
      if (BAD_SCHEME.test(effectiveScheme(m[1]!))) found.push({ offset: m.index, what: `unsafe link "${m[1]!.slice(0, 30)}"` });
    }
  }
  for (const [pattern, marker] of LINK_PATTERNS) {
    if (!text.includes(marker)) continue;
    for (const m of text.matchAll(pattern)) {
      const problem = urlProblem(m[1]!);
      if (problem) found.push({ offset: m.index + m[0].length - m[1]!.length, what: problem.replace('URL', 'link') });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function checkBody(doc: BodyRecord): Diagnostic[] {
  if (!doc.body.includes('<') && !doc.body.includes('](') && !doc.body.includes(']:')) return [];
  const found = findUnsafeHtml(doc.body);
  if (!found.length) return [];
  const lines = lineIndex(doc.body);
  return found.map(({ offset, what }) => {
    const pos = lines.positionAt(offset);
    return {
      file: doc.file, line: doc.bodyLine + pos.line - 1, column: pos.column, rule: 'unsafe-html', severity: 'error' as const,
      message: `${what} is not allowed in content`,
      hint: 'content is text with simple formatting: remove it (links must be http(s) or mailto)',
    };
  });
}

export const unsafeHtmlRule: Rule = ({ bodies }) => bodies.flatMap(checkBody);
