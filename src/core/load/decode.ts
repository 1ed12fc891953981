/**
 * Bytes → text, strictly UTF-8. A UTF-8 byte-order mark is dropped with a
 * warning; UTF-16 and invalid UTF-8 are refused with the line where it breaks;
 * text that looks mis-decoded (UTF-8 read as Latin-1 or as Thai) is flagged.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from '../diagnostics/diagnostic.ts';

/** Sequences that appear when UTF-8 was decoded as cp1252/Latin-1 or TIS-620 and saved again. */
const CP1252_HIGH = '\u0080-\u00bf‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const MOJIBAKE = new RegExp(`Ã[${CP1252_HIGH}]|Â[\u00a0-\u00bf]|â€[${CP1252_HIGH}]|ยท`);

/** One decoder for every file: a non-streaming decode() starts afresh each call. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeContentBytes(file: string, bytes: Uint8Array): { text?: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes)) {
    diagnostics.push({
      file, line: 1, column: 1, rule: 'encoding', severity: 'error',
      message: 'the file is UTF-16; content files must be UTF-8',
      hint: 'save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)',
    });
    return { diagnostics };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    diagnostics.push({
      file, line: 1, column: 1, rule: 'encoding', severity: 'warning',
      message: 'the file starts with a byte-order mark; it was ignored',
      hint: 'save as "UTF-8" rather than "UTF-8 with BOM"',
    });
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes.subarray(start));
  } catch {
    const good = new TextDecoder('utf-8').decode(bytes.subarray(start));
    const bad = good.indexOf('\uFFFD');
    const pos = positionAt(good, Math.max(0, bad));
    diagnostics.push({
      file, line: pos.line, column: pos.column, rule: 'encoding', severity: 'error',
      message: 'the file is not valid UTF-8 here',
      hint: 'the text was probably saved as Windows-1252 or Latin-1: re-save it as UTF-8',
    });
    return { diagnostics };
  }
  if (text.includes('\u0000')) {
    diagnostics.push({ file, line: 1, column: 1, rule: 'encoding', severity: 'error', message: 'the file contains NUL bytes: it is not text' });
    return { diagnostics };
  }
  const mojibake = MOJIBAKE.exec(text);
  if (mojibake) {
    const pos = positionAt(text, mojibake.index);
    diagnostics.push({
      file, line: pos.line, column: pos.column, rule: 'mojibake', severity: 'warning',
      message: `"${mojibake[0]}" looks like mis-decoded text`,
      hint: 'replace it with the intended character (e.g. "Ã‚ §" → "§", "â€™" → "’", "ยท" → "·")',
    });
  }
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, diagnostics };
}

/** UTF-16 without a BOM: every other byte of ASCII text is zero. */
function looksUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 200);
  if (sample < 8) return false;
  let zeros = 0;
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) zeros++;
  return zeros > sample / 4;
}
