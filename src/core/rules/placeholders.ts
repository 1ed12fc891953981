/**
 * Placeholders must not be published. `npm run new` writes skeletons whose
 * unknown parts read "TODO: …"; this rule names every one still there — each
 * frontmatter text (at any depth) and each body line that starts with TODO —
 * so an editor knows exactly what is left to fill before a merge.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BodyRecord, ContentDoc } from '../load/load-content.ts';
import { atField, type Rule } from './context.ts';
import { forEachString } from './field-strings.ts';

/**
 * "TODO" as a word at the start (any case): "TODO: title", "todo". Not "Todos los…".
 * Leading blanks are skipped by the pattern rather than by trimming a copy; the
 * trailing ones trimming also dropped never decide "\b" (a blank is no word character).
 */
const PLACEHOLDER = /^\s*TODO\b/i;
/** Markdown block markers that may come before the placeholder on a body line. */
const LINE_MARKERS = /^\s*(?:(?:[-*+]|\d+[.)]|#{1,6}|>)\s+)*/;

/** True when a text is (or begins as) a placeholder. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

function shorten(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 70)}…` : flat;
}

function checkFields(doc: ContentDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  forEachString(doc.data, (text, pathOf) => {
    if (!isPlaceholder(text)) return;
    const path = pathOf();
    out.push(
      atField(doc, path, {
        rule: 'placeholder',
        severity: 'error',
        message: `${path.join('.')} is still a placeholder: "${shorten(text)}"`,
        hint: 'write the real value from your source, or delete the entry if it does not apply',
      }),
    );
  });
  return out;
}

/** Every placeholder line holds "todo" in some case: a body without it is done in one pass. */
const MAY_HOLD_PLACEHOLDER = /todo/i;

function checkBody(doc: BodyRecord): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!MAY_HOLD_PLACEHOLDER.test(doc.body)) return out;
  doc.body.split('\n').forEach((line, i) => {
    const marker = LINE_MARKERS.exec(line)?.[0] ?? '';
    const rest = line.slice(marker.length);
    if (!isPlaceholder(rest)) return;
    out.push({
      file: doc.file,
      line: doc.bodyLine + i,
      column: marker.length + 1,
      rule: 'placeholder',
      severity: 'error',
      message: `the text is still a placeholder: "${shorten(rest)}"`,
      hint: 'write the real text here, or delete the line',
    });
  });
  return out;
}

export const placeholdersRule: Rule = ({ bodies, guidelines, places, contacts, policies, faqs }) => [
  ...[...guidelines, ...places, ...contacts, ...policies, ...faqs].flatMap(checkFields),
  ...bodies.flatMap(checkBody),
];
