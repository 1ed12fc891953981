/**
 * Citations as the article family writes them, turned into the one form the
 * validator resolves: " [n]". On the web page a citation was a link whose text
 * ran into the marker ("…linked below Municipal Code[1]."); in plain text the
 * link text is left glued to "[n]". That link text is the best title the
 * article gives for source n, so it is kept as the citation's `name` and taken
 * out of the sentence, unless the sentence needs it as a word of its own
 * ("Chicago Open Data program[1] describes…", "data.nola.gov[1]", "the official
 * IT page[2]").
 */

export interface Citation {
  n: number;
  /** Link text glued to the marker, e.g. "Municipal Code"; absent for a bare "[n]". */
  name?: string | undefined;
  /** Up to eight words before the marker in its sentence: matched against a Resources list. */
  context: string;
  /**
   * True when the marker was written right against words ("the City code host
   * referenced below[1]"), so the words before it describe the source; false
   * after a full stop or another marker (".[1] [2]"), where they describe a claim.
   */
  afterWords: boolean;
}

export interface CitedText {
  text: string;
  citations: Citation[];
}

const MARKER = /\[(\d{1,3})\]/g;
/** Words that may sit inside a name: "Office of the City Manager", "Records / Right-to-Know". */
const CONNECTORS = new Set(['of', 'and', '&', 'the', 'for', 'de', 'la', '/', '-', '–', 'on']);
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;
const MAX_NAME_WORDS = 10;

interface Token {
  word: string;
  start: number;
}

/** Finds citations in one paragraph and rewrites them as " [n]". */
export function parseCitations(input: string): CitedText {
  const citations: Citation[] = [];
  let output = '';
  let copied = 0;

  for (const match of input.matchAll(MARKER)) {
    const at = match.index;
    const n = Number(match[1]);
    const end = at + match[0].length;
    const anchor = findAnchor(input, at, copied);
    if (!anchor) {
      output += input.slice(copied, at) + ` [${n}]`;
      citations.push({ n, context: contextBefore(input.slice(0, at)), afterWords: /[\p{L}\p{N}]\s*$/u.test(input.slice(0, at)) });
    } else {
      const keepName = !anchor.duplicated && (anchor.domain || shouldKeepName(input, anchor, end));
      output += input.slice(copied, keepName ? anchor.nameEnd : anchor.start) + ` [${n}]`;
      citations.push({ n, name: anchor.name, context: contextBefore(input.slice(0, anchor.start)), afterWords: true });
    }
    copied = end;
  }
  output += input.slice(copied);
  return { text: tidy(output), citations };
}

/** Every citation number in a text already normalised to " [n]". */
export function citedNumbers(text: string): number[] {
  const numbers = [...text.matchAll(MARKER)].map((m) => Number(m[1]));
  return [...new Set(numbers)];
}

interface Anchor {
  name: string;
  /** Offset where the link text starts in the input (the part to drop). */
  start: number;
  /** Offset right after the name (where the marker was). */
  nameEnd: number;
  domain: boolean;
  /** The link text repeats the words right before it: only the copy is dropped. */
  duplicated: boolean;
}

function findAnchor(input: string, markerAt: number, floor: number): Anchor | undefined {
  const before = input.slice(floor, markerAt);
  if (!/[\p{L}\p{N}'’)]$/u.test(before)) return undefined;
  const tokens = tokenize(before, floor);
  const last = tokens.at(-1);
  if (!last) return undefined;
  if (DOMAIN.test(last.word)) {
    return { name: last.word, start: last.start, nameEnd: markerAt, domain: true, duplicated: false };
  }

  const taken: Token[] = [];
  let lowercaseTail = 0;
  for (let i = tokens.length - 1; i >= 0 && taken.length < MAX_NAME_WORDS; i--) {
    const token = tokens[i] as Token;
    if (/\[\d+\]/.test(token.word) || (taken.length > 0 && /[.!?;:,]["”’)]?$/.test(token.word))) break;
    if (isCapitalised(token.word) || CONNECTORS.has(token.word.toLowerCase())) {
      taken.unshift(token);
    } else if (!taken.some((t) => isCapitalised(t.word)) && lowercaseTail < 2) {
      // "Chicago Open Data program[1]": a name may end in one or two lower-case words.
      lowercaseTail++;
      taken.unshift(token);
    } else {
      break;
    }
  }
  const dropLeading = (): void => {
    while (taken.length && CONNECTORS.has((taken[0] as Token).word.toLowerCase())) taken.shift();
  };
  dropLeading();
  // A sentence starts with a capital: "Use the Records Request Page[2]" names "Records Request Page".
  const opener = taken[0];
  if (opener && SENTENCE_OPENERS.has(opener.word.toLowerCase()) && isSentenceStart(input, opener.start)) {
    taken.shift();
    dropLeading();
  }
  if (!taken.some((t) => isCapitalised(t.word))) return undefined;
  // Only a run that starts with a capital is a name: "referenced below" is not one.
  if (!isCapitalised((taken[0] as Token).word)) {
    while (taken.length && !isCapitalised((taken[0] as Token).word)) taken.shift();
  }
  const words = taken.map((t) => t.word);
  const repeat = repeatedSuffix(words);
  const kept = repeat > 0 ? taken.slice(-repeat) : taken;
  const first = kept[0] as Token;
  return {
    name: kept.map((t) => t.word).join(' '),
    start: first.start,
    nameEnd: markerAt,
    domain: false,
    duplicated: repeat > 0,
  };
}

/** Capitalised only because they open a sentence: never the first word of a name. */
const SENTENCE_OPENERS = new Set([
  'use', 'see', 'consult', 'visit', 'check', 'contact', 'read', 'review', 'submit', 'start', 'find', 'go', 'ask', 'call',
  'email', 'file', 'follow', 'browse', 'for', 'in', 'the', 'this', 'these', 'our', 'at', 'on', 'from', 'via',
]);

function isSentenceStart(input: string, offset: number): boolean {
  const before = input.slice(0, offset).trimEnd();
  return before === '' || /[.!?:]["”’)]?$/.test(before);
}

/** Length k of a suffix that is written twice in a row ("X Y X Y" → 2), or 0. */
function repeatedSuffix(words: readonly string[]): number {
  for (let k = Math.floor(words.length / 2); k >= 1; k--) {
    const tail = words.slice(-k).join(' ').toLowerCase();
    const previous = words.slice(-2 * k, -k).join(' ').toLowerCase();
    if (tail === previous) return k;
  }
  return 0;
}

/**
 * A link text that stands in the sentence as its subject ("Chicago Open Data
 * program[1] describes…") is a word of the sentence: keep it. One appended to
 * words ("…linked below Municipal Code[1]") or standing alone after a sentence
 * ("…procedures. Municipal Code[1] Open Data portal[2]") is only a link: drop it.
 */
function shouldKeepName(input: string, anchor: Anchor, markerEnd: number): boolean {
  const before = input.slice(0, anchor.start).trimEnd();
  const lastWord = /(\S+)$/.exec(before)?.[1] ?? '';
  // "use the Open Data Portal[2]": after a determiner or preposition the name is a word of the sentence.
  if (GRAMMATICAL_BEFORE_NAME.has(lastWord.toLowerCase())) return true;
  const precededByWord = before.length > 0 && !/[.!?;:,(\]]["”’)]?$/.test(before);
  // "…listed on the official IT page[2]": a name ending in lower-case words is read as words of the sentence.
  if (precededByWord) return !isCapitalised(anchor.name.split(' ').at(-1) ?? '');
  const after = input.slice(markerEnd).trimStart();
  // Nothing, punctuation, or a new sentence or link after it: the name stood alone.
  if (after === '' || /^[.,;:!?)]/.test(after) || /^[A-Z]/.test(after)) return false;
  return true;
}

/** Words after which a capitalised name is part of the sentence, not an appended link text. */
const GRAMMATICAL_BEFORE_NAME = new Set([
  'the', 'a', 'an', 'to', 'via', 'on', 'at', 'in', 'from', 'see', 'consult', 'use', 'by', 'through', 'of', 'and', 'or', 'with',
]);

function isCapitalised(word: string): boolean {
  return /^["“(]?[\p{Lu}\p{N}]/u.test(word);
}

function tokenize(text: string, offset: number): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: m.index + offset }));
}

function contextBefore(text: string): string {
  const sentence = text.split(/[.!?]\s+(?=[A-Z])/).at(-1) ?? '';
  return sentence.replace(/\[\d+\]/g, ' ').split(/\s+/).filter(Boolean).slice(-8).join(' ');
}

/** Spaces and punctuation around markers: "page. [1]" → "page [1].", one space before each marker. */
function tidy(text: string): string {
  return text
    .replace(/\s*(\[\d+\])/g, ' $1')
    .replace(/([.!?])((?: \[\d+\])+)(?=\s|$)/g, '$2$1')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim();
}
