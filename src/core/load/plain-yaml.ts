/**
 * A fast reader for the plain block YAML our frontmatter is written in — what
 * the serializer writes and editors copy: `key: value` maps, `- ` lists (of
 * values or of maps), one-line values. It answers only where it is certain to
 * give what js-yaml (core schema) gives, and returns undefined for anything
 * else — comments after values, quotes with escapes, multi-line or block scalars, flow maps,
 * tags, anchors, unusual keys or numbers, odd indentation, duplicate keys,
 * tabs or control characters — so the caller parses that text with js-yaml
 * as before. Loading was the largest part of validation (docs/scale.md);
 * this is several times faster on the files it takes.
 * tests/core/plain-yaml.test.ts compares it with js-yaml on every real file
 * and on thousands of mutated ones.
 */

/** Given up: the text is outside the subset (not necessarily invalid YAML). */
const OUTSIDE = Symbol('outside');

/**
 * Characters the subset allows: printable ASCII, and Unicode letters and
 * symbols of the Basic Multilingual Plane except line and paragraph
 * separators, the byte-order mark and non-characters. No tab, no CR.
 */
const OUTSIDE_CHARACTERS = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** Keys taken as written (a letter or "_", then words, digits, "_", "-", ".", "/", brackets, inner spaces): js-yaml resolves a key's type first (`1.0:` is the key "1"), these resolve to strings. */
const SIMPLE_KEY = /^[A-Za-z_](?:[A-Za-z0-9_ ().\/-]*[A-Za-z0-9_().\/-])?$/;
/** Plain scalars that resolve to something other than a string in the core schema. */
const SPECIAL_WORDS = new Map<string, null | boolean>([
  ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true],
  ['false', false], ['False', false], ['FALSE', false],
]);
/** Integers parseInt reads exactly (no sign on zero: js-yaml gives 0 for "-0"). */
const INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** Decimals js-yaml reads as sign × parseFloat(digits): the same number as parseFloat of the whole. */
const DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
/**
 * Everything js-yaml 4's int and float types might take (a superset: 0x/0o/0b
 * integers, exponents, leading zeros, .inf): outside the subset unless INTEGER
 * or DECIMAL. Any other text starting with a digit or sign-and-digit is a
 * string ("555-0176", "2026-01-01": the core schema has no timestamp type).
 */
const NUMBER_LIKE = /^[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN|[0-9]+(?:[eE][-+]?[0-9]+)?))$/;
/** First characters of a plain string value the subset takes: letters, "_", "(", "/", "$", and non-ASCII. */
const PLAIN_START = /^[A-Za-z_(/$\u00a0-\uffff]/;

interface Line {
  indent: number;
  /** The line after its indentation, trailing spaces removed. */
  text: string;
}

/** The mapping at the top of `source`, or undefined when js-yaml must read it. */
export function parsePlainYaml(source: string): Record<string, unknown> | undefined {
  if (OUTSIDE_CHARACTERS.test(source)) return undefined;
  const lines: Line[] = [];
  for (const raw of source.split('\n')) {
    const text = trimSpacesEnd(raw);
    if (!text) continue;
    const indent = spacesAt(text, 0);
    // A comment line is skipped as a blank one; a comment after a value (" #") is outside
    // the subset. Any other "#" is text ("…/page#part").
    if (text[indent] === '#') continue;
    if (text.includes(' #')) return undefined;
    lines.push({ indent, text: text.slice(indent) });
  }
  if (!lines.length || lines[0]!.indent !== 0) return undefined;
  const reader = new BlockReader(lines);
  try {
    const value = reader.mapping(0, undefined);
    return reader.done() ? value : undefined;
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

class BlockReader {
  readonly #lines: Line[];
  #at = 0;
  constructor(lines: Line[]) {
    this.#lines = lines;
  }

  done(): boolean {
    return this.#at === this.#lines.length;
  }

  /**
   * A map whose keys sit at `indent`. `first` is the text of its first entry
   * when that entry shares a line with a list dash ("- key: value").
   */
  mapping(indent: number, first: string | undefined): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let text = first;
    if (text === undefined) text = this.#take(indent);
    while (text !== undefined) {
      const colon = text.indexOf(':');
      if (colon < 1) throw OUTSIDE;
      const key = text.slice(0, colon);
      if (!SIMPLE_KEY.test(key) || SPECIAL_WORDS.has(key) || key === '__proto__' || Object.hasOwn(map, key)) throw OUTSIDE;
      const rest = text.slice(colon + 1);
      if (rest === '') map[key] = this.#nested(indent);
      else if (rest[0] === ' ') map[key] = scalar(rest.slice(spacesAt(rest, 0)));
      else throw OUTSIDE;
      text = this.#take(indent);
    }
    return map;
  }

  /** A list whose dashes sit at `indent`; it ends at the first line there without one ("key:\n- a\nnext: b"). */
  sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (let line = this.#lines[this.#at]; line && line.indent >= indent; line = this.#lines[this.#at]) {
      if (line.indent > indent) throw OUTSIDE;
      const text = line.text;
      if (!text.startsWith('-')) break;
      if (!text.startsWith('- ')) throw OUTSIDE;
      this.#at++;
      const itemIndent = indent + spacesAt(text, 1);
      const item = text.slice(itemIndent - indent);
      if (item.startsWith('-')) throw OUTSIDE;
      const colon = item.indexOf(':');
      // "- key: value" or "- key:" opens a map whose keys line up with this one.
      if (colon > 0 && (colon === item.length - 1 || item[colon + 1] === ' ') && SIMPLE_KEY.test(item.slice(0, colon))) list.push(this.mapping(itemIndent, item));
      else list.push(scalar(item));
    }
    return list;
  }

  /** The value of "key:" with nothing after it: a deeper block, a list at the key's own indent, or null. */
  #nested(indent: number): unknown {
    const next = this.#lines[this.#at];
    if (!next || next.indent < indent) return null;
    if (next.indent === indent) return next.text === '-' || next.text.startsWith('- ') ? this.sequence(indent) : null;
    return next.text === '-' || next.text.startsWith('- ') ? this.sequence(next.indent) : this.mapping(next.indent, undefined);
  }

  /**
   * The next line's text if it continues the block at `indent`; undefined when
   * the block ends (a shallower line, the end, or — at a map's own indent — a
   * dash line that belongs to the parent). A deeper line here would be a
   * continuation or a misplaced block: outside the subset.
   */
  #take(indent: number): string | undefined {
    const line = this.#lines[this.#at];
    if (!line || line.indent < indent) return undefined;
    if (line.indent > indent) throw OUTSIDE;
    this.#at++;
    return line.text;
  }
}

/** A one-line value: a plain or simply quoted scalar, `{}`, or a one-line list of integers. */
function scalar(text: string): unknown {
  const first = text[0]!;
  if (first === '"' || first === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text.at(-1) !== first || inner.includes(first) || inner.includes('\\')) throw OUTSIDE;
    return inner;
  }
  if (text === '{}') return {};
  if (first === '[') {
    if (text === '[]') return [];
    if (text.at(-1) !== ']') throw OUTSIDE;
    return text
      .slice(1, -1)
      .split(',')
      .map((item) => {
        const n = trimSpacesEnd(item.slice(spacesAt(item, 0)));
        if (!INTEGER.test(n)) throw OUTSIDE;
        return Number(n);
      });
  }
  if (text.includes(': ') || text.endsWith(':')) throw OUTSIDE;
  const digitAt = first === '-' || first === '+' ? 1 : 0;
  if (digitAt === 1 || (first >= '0' && first <= '9')) {
    const digit = text[digitAt];
    if (digit === undefined || digit < '0' || digit > '9') throw OUTSIDE;
    if (INTEGER.test(text)) return Number(text);
    if (DECIMAL.test(text)) return parseFloat(text);
    if (NUMBER_LIKE.test(text)) throw OUTSIDE;
    return text;
  }
  const special = SPECIAL_WORDS.get(text);
  if (special !== undefined) return special;
  if (!PLAIN_START.test(first)) throw OUTSIDE;
  return text;
}

/** Index of the first character at or after `from` that is not a space (YAML indentation is spaces only). */
function spacesAt(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 0x20) i++;
  return i;
}

/** Text without trailing spaces (not other blanks: js-yaml keeps a trailing no-break space). */
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return end === text.length ? text : text.slice(0, end);
}
