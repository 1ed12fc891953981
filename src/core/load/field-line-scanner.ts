/**
 * Field path → line for block-style YAML, by indentation alone: the shape our
 * serializer writes and editors copy (`key: value`, nested maps, `- ` lists of
 * scalars or maps, flow lists on one line, block and quoted multi-line
 * scalars). Thousands of times faster than a full positions-keeping parse, so
 * a warning on every file (a source without URL, say) costs nothing. Where the
 * YAML is of another shape (explicit keys `? `, multi-line flow collections)
 * `scanFieldLines` returns undefined and the caller uses the full parser.
 * A test compares both on every real file we have.
 */

const KEY = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}&*!|>%@`,?:-][^:#]*?|[-?:][^\s:#][^:#]*?))[ \t]*:(?:[ \t]+|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) return JSON.parse(key) as string;
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trimEnd();
}

/**
 * A field path already joined with "." (what the map's keys are), or ROOT for
 * the empty path: kept joined so each line costs one concatenation, not an
 * array copy and a join.
 */
type Joined = string | typeof ROOT;
const ROOT = Symbol('root');

/** `[...path, segment].join('.')` for a joined path. */
function child(path: Joined, segment: string | number): string {
  return path === ROOT ? String(segment) : `${path}.${segment}`;
}

interface Frame {
  /** Column where this collection's keys or dashes start. */
  indent: number;
  path: Joined;
  /** For sequences: the index of the current item. */
  index: number;
  kind: 'map' | 'seq';
  /** For maps: the path of the key seen last, which a deeper block belongs to. */
  lastKey?: Joined;
}

/** First characters that make a value's shape matter to the scan (flow collections, block and quoted scalars). */
const SHAPED_VALUE_START = '{[|>"\'';

/** `firstLine` is the file line of the source's first line. */
export function scanFieldLines(source: string, firstLine: number): Map<string, number> | undefined {
  const out = new Map<string, number>();
  const lines = source.split('\n');
  const stack: Frame[] = [{ indent: 0, path: ROOT, index: -1, kind: 'map' }];
  let blockScalarIndent = -1; // inside a `|` or `>` scalar: lines indented more than this are text
  let openQuote: '"' | "'" | undefined; // inside a multi-line quoted scalar
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const raw = line.endsWith('\r') ? line.slice(0, -1) : line;
    const lineNo = firstLine + i;
    if (openQuote) {
      if (closesQuote(raw, openQuote)) openQuote = undefined;
      continue;
    }
    const trimmed = raw.trimStart();
    if (!trimmed || trimmed.startsWith('#')) continue;
    let indent = raw.length - trimmed.length;
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (trimmed.startsWith('? ') || trimmed === '?' || raw.includes('\t')) return undefined;
    let rest = trimmed;
    // Close deeper collections.
    while (stack.length > 1 && indent < stack.at(-1)!.indent) stack.pop();
    // A key at the indent of a compact sequence ("key:\n- item") ends that sequence.
    const isItem = rest.startsWith('- ') || rest === '-';
    if (!isItem && stack.length > 1 && stack.at(-1)!.kind === 'seq' && stack.at(-1)!.indent === indent) stack.pop();
    let top = stack.at(-1)!;
    let ownerIndent = indent; // the indent a block scalar on this line is measured against
    // "- " items, possibly several on one line ("- - x") and possibly starting a map ("- key: v").
    while (rest.startsWith('- ') || rest === '-') {
      if (top.kind !== 'seq' || top.indent !== indent) {
        if (top.kind === 'seq' && indent < top.indent) return undefined;
        // A sequence under the last key (same or deeper indent).
        const parentPath = top.kind === 'map' ? lastKeyPath(top) : child(top.path, top.index);
        if (parentPath === undefined) return undefined;
        top = { indent, path: parentPath, index: -1, kind: 'seq' };
        stack.push(top);
      }
      top.index++;
      const itemPath = child(top.path, top.index);
      out.set(itemPath, lineNo);
      const after = rest.slice(1);
      const spaces = after.length - after.trimStart().length;
      indent += 1 + spaces;
      rest = after.trimStart();
      ownerIndent = indent;
      if (!rest) break;
      if (rest.startsWith('- ') || rest === '-') {
        top = { indent, path: itemPath, index: -1, kind: 'seq' };
        stack.push(top);
        continue;
      }
      if (KEY.test(rest)) {
        top = { indent, path: itemPath, index: -1, kind: 'map' };
        stack.push(top);
      }
      break;
    }
    const key = KEY.exec(rest);
    if (key) {
      if (top.kind !== 'map' || top.indent !== indent) {
        if (top.kind === 'map' && indent > top.indent) {
          const parentPath = lastKeyPath(top);
          if (parentPath === undefined) return undefined;
          top = { indent, path: parentPath, index: -1, kind: 'map' };
          stack.push(top);
        } else if (top.kind === 'seq' && indent > top.indent) {
          top = { indent, path: child(top.path, top.index), index: -1, kind: 'map' };
          stack.push(top);
        } else return undefined;
      }
      const name = unquote(key[1]!);
      const keyPath = child(top.path, name);
      out.set(keyPath, lineNo);
      top.lastKey = keyPath;
      rest = rest.slice(key[0].length);
    } else if (top.kind === 'map' && rest === trimmed) {
      // A plain line that is neither key nor item: a continuation of a multi-line plain scalar.
      continue;
    }
    // Only a value starting with one of these can change the scan; the comment-stripping regex below is for those.
    const first = rest.trimStart()[0];
    if (first === undefined || !SHAPED_VALUE_START.includes(first)) continue;
    const value = rest.replace(/\s+#.*$/, '').trim();
    if (value.startsWith('{')) return undefined;
    if (value.startsWith('[')) {
      // A one-line flow list of plain scalars: its items are on this line.
      if (!value.endsWith(']') || /["'[\]{}]/.test(value.slice(1, -1))) return undefined;
      const inner = value.slice(1, -1).trim();
      const count = inner ? inner.split(',').filter((item, i, all) => item.trim() || i < all.length - 1).length : 0;
      const owner = key ? top.lastKey! : child(top.path, top.index);
      for (let k = 0; k < count; k++) out.set(child(owner, k), lineNo);
      continue;
    }
    if (/^[|>][0-9+-]*$/.test(value)) blockScalarIndent = ownerIndent;
    else if ((value.startsWith('"') || value.startsWith("'")) && !closesQuote(value.slice(1), value[0] as '"' | "'")) openQuote = value[0] as '"' | "'";
  }
  return out;
}

function lastKeyPath(frame: Frame): Joined | undefined {
  return frame.lastKey;
}

/** Does this text close a quoted scalar opened earlier? */
function closesQuote(text: string, quote: '"' | "'"): boolean {
  if (quote === "'") return /(^|[^'])'(?:'')*(?!')/.test(text.replace(/''/g, ''));
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return true;
  }
  return false;
}
