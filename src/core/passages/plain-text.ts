/**
 * Plain text of a piece of policy source (Markdown with inline HTML), for
 * quoting a passage in full: tags dropped, block boundaries kept as paragraph
 * breaks, entities decoded, Markdown markers removed. Deliberately cheap — it
 * runs for every passage of every policy when the knowledge graph is built.
 */

const BLOCK_BOUNDARY = /<\/?(?:p|li|ol|ul|h[1-6]|div|blockquote|table|tr|br|hr)\b[^>]*>|\n[ \t]*\n/gi;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sect: '§', copy: '©', reg: '®', bull: '•',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * `[text](url)` → `text`. The label may not hold "[" and the pattern runs only up to the line's
 * last ")": from every "[" or "[a](" it would otherwise rescan to the end of the line, which is
 * quadratic on a line such as "[[[[…" or "[a]([a]([a](…".
 */
function stripLinks(line: string): string {
  const cut = line.lastIndexOf(')') + 1;
  return line.slice(0, cut).replace(/!?\[([^\][]*)\]\([^)]*\)/g, '$1') + line.slice(cut);
}

/**
 * A character any of stripMarkdownLine's patterns needs (or a list marker at the start): most lines of
 * prose have none, and passage text is computed on every read (passages.ts), so they skip six replaces.
 */
const MARKDOWN_TRIGGER = /[#*_>[\\]|^\s*(?:[-+•]|\d+[.)])\s/;

export function stripMarkdownLine(line: string): string {
  if (!MARKDOWN_TRIGGER.test(line)) return line;
  const unmarked = line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '')
    .replace(/^\s*>\s?/, '');
  return stripLinks(unmarked)
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/** Paragraphs of plain text, empty ones dropped. */
export function toParagraphs(source: string): string[] {
  // Tags end at a ">": the tag patterns run only up to the last one. From every "<" after it they
  // would rescan to the end of the text, which is quadratic on text full of unclosed tags.
  const cut = source.lastIndexOf('>') + 1;
  const head = source.slice(0, cut).replace(BLOCK_BOUNDARY, '\n\n').replace(/<[^>]*>/g, '');
  const tail = source.slice(cut).replace(/\n[ \t]*\n/g, '\n\n');
  return (head + tail)
    .split(/\n\s*\n/)
    .map((block) =>
      decodeEntitiesIn(block.split('\n').map(stripMarkdownLine).join(' '))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/** decodeEntities, skipped when there is no "&". */
const decodeEntitiesIn = (text: string): string => (text.includes('&') ? decodeEntities(text) : text);

export function toPlainText(source: string): string {
  return toParagraphs(source).join('\n\n');
}
