/**
 * Validation takes shortcuts for speed (docs/scale.md): checks answered without
 * the slow general path when the input cannot matter to it. Each shortcut is
 * compared here with the general path it stands for — the code as it was —
 * on every input of a systematic grid or of a seeded random stream, so a
 * shortcut that changes any answer fails.
 */
import { describe, expect, test } from 'vitest';
import { findPersonalData, luhnValid } from '../../src/core/rules/personal-data.ts';
import { isPlaceholder } from '../../src/core/rules/placeholders.ts';
import { blockDepth, firstTooDeepLine, MAX_BLOCK_DEPTH } from '../../src/core/rules/nesting.ts';
import { tagsText } from '../../src/core/rules/spans.ts';
import { cannotHoldAttributeProblem, EVENT_HANDLER, STYLE_ATTRIBUTE, URL_ATTRIBUTE } from '../../src/core/rules/unsafe-html.ts';
import { isCalendarDate } from '../../src/core/schema/common.ts';

/** Seeded PRNG (mulberry32): the same stream on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings of up to `max` pieces drawn from `alphabet`. */
function strings(seed: number, count: number, alphabet: readonly string[], max: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    let s = '';
    const length = Math.floor(next() * (max + 1));
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });
}

describe('calendar dates by arithmetic', () => {
  const viaDate = (value: string) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  };

  test('every YYYY-MM-DD with months and days 00–99 in leap, century and ordinary years', () => {
    let valid = 0;
    for (const year of ['0000', '0001', '0004', '0100', '0400', '1582', '1900', '1999', '2000', '2023', '2024', '2100', '2400', '9999']) {
      for (let month = 0; month < 100; month++) {
        for (let day = 0; day < 100; day++) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const expected = viaDate(value);
          if (isCalendarDate(value) !== expected) expect({ value, answer: isCalendarDate(value) }).toEqual({ value, answer: expected });
          if (expected) valid++;
        }
      }
    }
    expect(valid).toBe(14 * 365 + 6); // six leap years: 0000, 0004, 0400, 2000, 2024 and 2400; 0100, 1900, 2100 are not
  });

  test.each(['2026', '2026-01', '2026-1-1', '', ' 2026-01-01', '2026-01-01 ', '+002026-01-01', '2026-01-01T00:00', '2026-02-30', 'x'])('other shapes take the Date path: %j', (value) => {
    expect(isCalendarDate(value)).toBe(viaDate(value));
  });
});

describe('empty-passage check without copying the passage', () => {
  const TAGS = /<[^<>]*>|&nbsp;|&#160;|[*_#>`-]/gi;
  const viaReplace = (slice: string) => /\S/.test(slice.replace(TAGS, ''));
  const alphabet = ['<', '>', '&nbsp;', '&NbSp;', '&#160;', '&#16', '&', ' ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', '*', '_', '#', '`', '-', 'a', '<span class="g-x">', '</span>', ';', '😀'];

  test('same answer on 50,000 random passages, inside a body that goes on past them', () => {
    for (const slice of strings(1, 50_000, alphabet, 10)) {
      const body = `w<${slice}>w`;
      if (tagsText(body, 2, 2 + slice.length) !== viaReplace(slice)) expect(slice).toBe('answered as before');
    }
  });
});

describe('nesting depth without splitting bodies into lines', () => {
  const viaSplit = (body: string) => body.split('\n').findIndex((line) => blockDepth(line) > MAX_BLOCK_DEPTH);
  const deepQuote = '>'.repeat(MAX_BLOCK_DEPTH + 1);
  const pieces = ['\n', '\n', '\r', '\u2028', ' ', '\t', '>', '> ', '- ', '1. ', 'text', ' '.repeat(60), ' '.repeat(66), '\t'.repeat(16), '\t'.repeat(17), deepQuote, '>'.repeat(MAX_BLOCK_DEPTH), ' >'.repeat(MAX_BLOCK_DEPTH + 1)];

  test('same first line on 20,000 random bodies', () => {
    let found = 0;
    for (const body of strings(2, 20_000, pieces, 12)) {
      const expected = viaSplit(body);
      if (firstTooDeepLine(body) !== expected) expect({ body, line: firstTooDeepLine(body) }).toEqual({ body, line: expected });
      if (expected >= 0) found++;
    }
    expect(found).toBeGreaterThan(1000); // the stream does reach the limit
  });
});

describe('personal data: digits looked for before links are blanked', () => {
  const SSN = /(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])/g;
  const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
  const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
  const general = (input: string) => {
    const text = input.replace(URL_LIKE, (url) => ' '.repeat(url.length));
    const found: { offset: number; what: string }[] = [];
    for (const m of text.matchAll(SSN)) {
      const [, area, group, serial] = m as unknown as [string, string, string, string];
      if (area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000') found.push({ offset: m.index, what: 'a social security number' });
    }
    for (const m of text.matchAll(CARD)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length >= 13 && luhnValid(digits) && !/^(\d)\1+$/.test(digits)) found.push({ offset: m.index, what: 'a payment card number' });
    }
    return found;
  };
  const pieces = ['1', '2', '3', '4', '5', '7', '0', '9', '123', '45', '6789', '4111', '1111', ' ', '-', '--', 'x', 'www.', 'http://', 'https://a', '/', '"', ')', '\n'];

  test('same findings on 30,000 random texts', () => {
    let withFindings = 0;
    for (const text of strings(3, 30_000, pieces, 16)) {
      const expected = general(text);
      expect(findPersonalData(text)).toEqual(expected);
      if (expected.length) withFindings++;
    }
    expect(withFindings).toBeGreaterThan(100);
  });
});

describe('tags the attribute checks skip', () => {
  const pieces = ['<span', '<a', '<div', '<x-y', ' ', '\t', '\n', 'class', 'CLASS', '=', ' = ', '"', "'", 'g-open-data', 'onclick', 'on', 'style', 'href', 'src', 'data', 'javascript:', 'x', '_', '-', '/', '>', '>'];

  test('never one the checks would flag, on 50,000 random tags; and most plain class tags are skipped', () => {
    let skipped = 0;
    for (const body of strings(4, 50_000, pieces, 9)) {
      const tag = body.startsWith('<') ? body : `<span${body}`;
      if (!cannotHoldAttributeProblem(tag)) continue;
      skipped++;
      const flagged = EVENT_HANDLER.test(tag) || STYLE_ATTRIBUTE.test(tag) || [...tag.matchAll(URL_ATTRIBUTE)].length > 0;
      if (flagged) expect(tag).toBe('not skipped');
    }
    expect(skipped).toBeGreaterThan(5000);
    expect(cannotHoldAttributeProblem('<span class="g-open-data g-future-review">')).toBe(true);
    expect(cannotHoldAttributeProblem('<span class="g-x" onclick="y">')).toBe(false);
    expect(cannotHoldAttributeProblem('<a href="x">')).toBe(false);
  });
});

describe('placeholders without trimming a copy', () => {
  const pieces = ['TODO', 'todo', 'ToDo', 'TOD', 'O', 's', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', ':', '_', '1', 'é'];

  test('same answer on 30,000 random texts', () => {
    let placeholders = 0;
    for (const text of strings(5, 30_000, pieces, 6)) {
      const expected = /^TODO\b/i.test(text.trim());
      if (isPlaceholder(text) !== expected) expect({ text, answer: isPlaceholder(text) }).toEqual({ text, answer: expected });
      if (expected) placeholders++;
    }
    expect(placeholders).toBeGreaterThan(1000);
  });
});
