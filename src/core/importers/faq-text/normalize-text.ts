/**
 * First step of the FAQ importer: undo what copying a web page into plain
 * text did to it, and turn every line into { line, text, mark }. Each repair
 * is counted, so the import report can say exactly what was changed.
 */
import type { LineMark, TextLine } from './types.ts';

/**
 * Mis-decoded characters seen in the article family. "ยท" is the UTF-8 bytes of
 * "·" (C2 B7) read as Windows-874 (Thai); the "â€" rows are the same mistake
 * with Windows-1252, the commonest one on the web.
 */
const MOJIBAKE: ReadonlyArray<readonly [string, string]> = [
  ['ยท', '·'],
  ['Â·', '·'],
  ['â€™', '’'],
  ['â€˜', '‘'],
  ['â€œ', '“'],
  ['â€\u009d', '”'],
  ['â€”', '—'],
  ['â€“', '–'],
  ['â€¢', '•'],
  ['Â ', ' '],
];

/**
 * Apostrophes dropped by the page's text export. Only forms that are never
 * right without the apostrophe are repaired: "citys" is not a word, and
 * "City Clerks" followed by a lower-case noun ("City Clerks records page") is
 * the possessive of the one City Clerk. "datasets metadata" could be a plural,
 * so it is left alone.
 */
const DROPPED_APOSTROPHES: ReadonlyArray<{ pattern: RegExp; replace: string; label: string }> = [
  { pattern: /\b([Cc])itys\b/g, replace: "$1ity's", label: `"citys" → "city's"` },
  { pattern: /\b(City Clerk|City Manager|City Attorney)s(?= [a-z])/g, replace: "$1's", label: `"City Clerks" → "City Clerk's"` },
  // "each" never takes a plural: "each datasets metadata" is "each dataset's metadata".
  { pattern: /\b([Ee]ach [a-z]+[^s'])s(?= [a-z]+)/g, replace: "$1's", label: `"each datasets" → "each dataset's"` },
  { pattern: /\b([Tt]he portal)s(?= (?:dataset|data|terms|search|help|landing)\b)/g, replace: "$1's", label: `"the portals" → "the portal's"` },
];

/** "code.City Code[1]": a sentence glued to a link text. A lower-case letter, a dot, then a capitalised word. */
const GLUED_SENTENCE = /([a-z)\]])\.([A-Z][A-Za-z])/g;

const BULLET = /^[•●◦▪\-–*·]\s+/;
const NUMBER = /^\d{1,2}[.)]\s+/;

export interface NormalizedText {
  /** The non-empty lines, in order. */
  lines: TextLine[];
  repaired: string[];
}

/** Repairs mojibake, dropped apostrophes and glued sentences, and marks bullets and numbers. */
export function normalizeText(raw: string): NormalizedText {
  const repaired: string[] = [];
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  for (const [bad, good] of MOJIBAKE) {
    const count = text.split(bad).length - 1;
    if (count > 0) {
      text = text.split(bad).join(good);
      repaired.push(`mis-decoded "${bad}" → "${good}" (${count}×)`);
    }
  }
  for (const { pattern, replace, label } of DROPPED_APOSTROPHES) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > 0) {
      text = text.replace(pattern, replace);
      repaired.push(`dropped apostrophe ${label} (${count}×)`);
    }
  }
  const glued = text.match(GLUED_SENTENCE)?.length ?? 0;
  if (glued > 0) {
    text = text.replace(GLUED_SENTENCE, '$1. $2');
    repaired.push(`missing space after a full stop before a link text (${glued}×)`);
  }

  const lines: TextLine[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const { text: lineText, mark } = stripMark(rawLine.replace(/\u00a0/g, ' ').trim());
    if (lineText) lines.push({ line: index + 1, text: lineText.replace(/\s{2,}/g, ' '), mark });
  });
  return { lines, repaired };
}

function stripMark(line: string): { text: string; mark: LineMark } {
  if (BULLET.test(line)) return { text: line.replace(BULLET, '').trim(), mark: 'bullet' };
  if (NUMBER.test(line)) return { text: line.replace(NUMBER, '').trim(), mark: 'number' };
  return { text: line, mark: 'none' };
}

