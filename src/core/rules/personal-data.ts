/**
 * A guard against publishing personal data that policies themselves forbid
 * releasing (the seed policy cites RSMo 610.035: social security and card
 * numbers): SSN-shaped numbers and Luhn-valid card numbers, in bodies and in
 * every frontmatter text.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from '../diagnostics/diagnostic.ts';
import type { BodyRecord, ContentDoc } from '../load/load-content.ts';
import { atField, type Rule } from './context.ts';
import { forEachString } from './field-strings.ts';

const SSN = /(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])/g;
const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** SSA never issues area 000, 666 or 9xx, group 00 or serial 0000: those are not SSNs. */
function ssnShaped(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** Digits inside links are document ids, not personal data: blank them out, keeping offsets. */
const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;

/**
 * The digits either pattern needs, looked for before links are blanked. Blanking
 * never creates a match: a blanked link is a run of 5 or more spaces, never the
 * single separator between two digits. Text without this (nearly all) is done.
 */
const DIGIT_RUN = /\d{3}[- ]\d{2}[- ]\d{4}|\d(?:[ -]?\d){12}/;

export function findPersonalData(input: string): { offset: number; what: string }[] {
  if (!DIGIT_RUN.test(input)) return [];
  const text = input.replace(URL_LIKE, (url) => ' '.repeat(url.length));
  const found: { offset: number; what: string }[] = [];
  for (const m of text.matchAll(SSN)) {
    if (ssnShaped(m[1]!, m[2]!, m[3]!)) found.push({ offset: m.index, what: 'a social security number' });
  }
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && luhnValid(digits) && !/^(\d)\1+$/.test(digits)) found.push({ offset: m.index, what: 'a payment card number' });
  }
  return found;
}

const message = (what: string) => ({
  rule: 'personal-data',
  severity: 'error' as const,
  message: `this looks like ${what}: personal data must not be published`,
  hint: 'remove it; if it is an example, write it with X in place of digits',
});

function checkBody(doc: BodyRecord): Diagnostic[] {
  return findPersonalData(doc.body).map(({ offset, what }) => {
    const pos = positionAt(doc.body, offset);
    return { file: doc.file, line: doc.bodyLine + pos.line - 1, column: pos.column, ...message(what) };
  });
}

function checkFields(doc: ContentDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  forEachString(doc.data, (text, path) => {
    for (const { what } of findPersonalData(text)) out.push(atField(doc, path(), message(what)));
  });
  return out;
}

export const personalDataRule: Rule = ({ bodies, policies, faqs, places, contacts, guidelines }) => [
  ...bodies.flatMap(checkBody),
  ...[...policies, ...faqs, ...places, ...contacts, ...guidelines].flatMap(checkFields),
];
