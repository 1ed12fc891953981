/**
 * Mis-decoded character sequences and what they stand for. Only sequences seen
 * in the Hub's data, and the standard artefacts of UTF-8 read as cp1252/Latin-1
 * (the two bytes or three bytes of one character shown as two or three
 * characters). An explicit table, not a guess: text that merely contains an
 * "Ã" is never touched.
 */
export const MOJIBAKE_TABLE: ReadonlyArray<readonly [broken: string, intended: string]> = [
  // Seen in the Hub (providence-ri-2012-03-19): "§" decoded twice, with a space where the second byte was.
  ['Ã‚ §', '§'],
  ['Ã‚Â§', '§'],
  // U+2018–U+2026 as cp1252: E2 80 xx → "â€" + the cp1252 character of xx.
  ['â€™', '’'],
  ['â€˜', '‘'],
  ['â€œ', '“'],
  ['â€\u009d', '”'],
  ['â€“', '–'],
  ['â€”', '—'],
  ['â€¦', '…'],
  ['â€¢', '•'],
  // U+00A0–U+00BF as Latin-1: C2 xx → "Â" + the character.
  ['Â\u00a0', '\u00a0'],
  ['Â§', '§'],
  ['Â·', '·'],
  ['Â©', '©'],
  ['Â®', '®'],
  ['Â°', '°'],
  ['Â½', '½'],
  // Accented letters: C3 xx → "Ã" + the character.
  ['Ã©', 'é'],
  ['Ã¨', 'è'],
  ['Ã¡', 'á'],
  ['Ã³', 'ó'],
  ['Ãº', 'ú'],
  ['Ã±', 'ñ'],
  ['Ã¼', 'ü'],
];
