/**
 * Splits a content file into frontmatter and body (as gray-matter did) and parses the
 * YAML with positions kept, so every later diagnostic can name its line.
 * YAML 1.2 core schema: dates stay strings, "no" stays a string.
 */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { scanFieldLines } from './field-line-scanner.ts';
import { parsePlainYaml } from './plain-yaml.ts';

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the first body character in the file. */
  bodyLine: number;
  /** Dotted field path → 1-based line in the file (computed when first asked). */
  fieldLines: FieldLines;
  diagnostics: Diagnostic[];
}

class YamlPositionedError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/**
 * Frontmatter is parsed twice over only where it pays: js-yaml (core schema)
 * is ~16× faster than the positions-keeping `yaml` parser on our files, so it
 * reads every file — or, for the plain block YAML nearly all files are, the
 * still faster plain-yaml.ts, which gives the same values and hands anything
 * else to js-yaml; `yaml` runs only for a file that has a problem — to word a
 * broken-YAML error with its line, or when a diagnostic first asks a field's
 * line (see FieldLines). Anchors and aliases (never needed in content, and
 * the way to a "billion laughs" blow-up) also take the `yaml` path, which
 * bounds alias expansion.
 */
export function parseFrontmatter(file: string, text: string): ParsedFrontmatter {
  const diagnostics: Diagnostic[] = [];
  const empty = new FieldLines('');
  if (!/^---\r?\n/.test(text)) {
    diagnostics.push({
      file, line: 1, column: 1, rule: 'frontmatter', severity: 'error',
      message: 'the file does not start with a frontmatter block',
      hint: 'begin the file with a line "---", the YAML fields, and a closing "---"',
    });
    return { data: {}, body: text, bodyLine: 1, fieldLines: empty, diagnostics };
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    diagnostics.push({
      file, line: 1, column: 1, rule: 'frontmatter', severity: 'error',
      message: 'the frontmatter block is never closed',
      hint: 'end the YAML fields with a line "---"',
    });
    return { data: {}, body: '', bodyLine: 1, fieldLines: empty, diagnostics };
  }
  // Split as gray-matter did (same cut, same body), without its per-call option
  // objects and its cache keyed by the whole file text (every file's text was
  // hashed and kept for the life of the process).
  const { matter, content, empty: isEmpty } = splitFrontmatter(text);
  let data: Record<string, unknown> = {};
  try {
    if (!isEmpty) data = toRecord(parseYaml(matter));
  } catch (error) {
    const positioned = error instanceof YamlPositionedError ? error : undefined;
    diagnostics.push({
      file, line: positioned?.line ?? 1, column: positioned?.column ?? 1, rule: 'yaml', severity: 'error',
      message: `broken YAML: ${(error as Error).message.split('\n')[0]}`,
      hint: 'check indentation, the colon after each key, and quote values that contain ": " or start with a symbol',
    });
    return { data: {}, body: '', bodyLine: 1, fieldLines: empty, diagnostics };
  }
  const bodyOffset = text.length - content.length;
  return { data, body: content, bodyLine: lineAt(text, bodyOffset), fieldLines: new FieldLines(isEmpty ? '' : matter), diagnostics };
}

/**
 * gray-matter's split (4.0.3, default "---" delimiters) for a text that starts
 * with "---\n" or "---\r\n": the frontmatter runs to the first "\n---"
 * wherever it is, the body starts after it and one line break. `empty` when
 * the block holds only whitespace and "#" comment lines (gray-matter then gives
 * `{}` without calling the YAML engine). tests/core/frontmatter-split.test.ts
 * compares it with gray-matter itself.
 */
export function splitFrontmatter(text: string): { matter: string; content: string; empty: boolean } {
  const rest = text.slice(3);
  let closeIndex = rest.indexOf('\n---');
  if (closeIndex === -1) closeIndex = rest.length;
  const matter = rest.slice(0, closeIndex);
  let content = '';
  if (closeIndex !== rest.length) {
    content = rest.slice(closeIndex + 4);
    if (content[0] === '\r') content = content.slice(1);
    if (content[0] === '\n') content = content.slice(1);
  }
  // A first non-blank character other than "#" cannot be inside a removed comment.
  const first = /\S/.exec(matter)?.[0];
  const empty = first === undefined || (first === '#' && matter.replace(/^\s*#[^\n]+/gm, '').trim() === '');
  return { matter, content, empty };
}

/** 1-based line of an offset: counts only the line breaks before it (the frontmatter), not the whole file. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const MAY_HAVE_ALIASES = /(?:^|[\s[{,:-])[&*][^\s,\]}]/m;

function parseYaml(source: string): unknown {
  if (!MAY_HAVE_ALIASES.test(source)) {
    // Most frontmatter is plain block YAML that a much simpler reader gets exactly right.
    const plain = parsePlainYaml(source);
    if (plain !== undefined) return plain;
    try {
      return loadYaml(source, { schema: CORE_SCHEMA });
    } catch {
      // Fall through: the positions-keeping parser words the error and finds its line.
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new YamlPositionedError(error.message.split('\n')[0] ?? 'invalid YAML', pos.line, pos.col);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function toRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Dotted field path → 1-based file line, computed on first use: valid files
 * (nearly all) never pay for a positions-keeping parse.
 */
export class FieldLines {
  readonly #source: string;
  #lines: Map<string, number> | undefined;
  constructor(source: string) {
    this.#source = source;
  }
  /** The YAML text the lines are computed from (what a worker sends instead of the lines). */
  get source(): string {
    return this.#source;
  }
  get(path: string): number | undefined {
    if (!this.#lines) {
      // The source starts right after the opening "---", on file line 1.
      this.#lines = scanFieldLines(this.#source, 1) ?? fieldLinesByParsing(this.#source);
    }
    return this.#lines.get(path);
  }
  /**
   * Drops the computed lines once every diagnostic has its line: kept, they
   * were ~3 KB a file that had a diagnostic (~400 MB at 100,000 documents)
   * held through the whole build. Asked again, they are computed again.
   */
  forget(): void {
    this.#lines = undefined;
  }
}

/** The full, positions-keeping parse: for YAML shapes the scanner does not follow. */
export function fieldLinesByParsing(source: string): Map<string, number> {
  const lines = new Map<string, number>();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, schema: 'core', prettyErrors: false });
  if (doc.contents) recordLines(doc.contents, [], lineCounter, lines);
  return lines;
}

/**
 * Walks the YAML tree. The split hands the parser the text right after the
 * opening "---" (its newline included), so YAML line n is file line n.
 */
function recordLines(node: YamlNode, path: (string | number)[], counter: LineCounter, out: Map<string, number>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyPath = [...path, key];
      const range = isScalar(pair.key) ? pair.key.range : undefined;
      if (range) out.set(keyPath.join('.'), counter.linePos(range[0]).line);
      if (pair.value && typeof pair.value === 'object') recordLines(pair.value as YamlNode, keyPath, counter, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = [...path, index];
      const range = (item as YamlNode | null)?.range;
      if (range) out.set(itemPath.join('.'), counter.linePos(range[0]).line);
      if (item && typeof item === 'object') recordLines(item as YamlNode, itemPath, counter, out);
    });
  }
}

/** The line of a field, or of its nearest recorded parent, or the first line. */
export function lineOfField(fieldLines: FieldLines, path: readonly PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const line = fieldLines.get(path.slice(0, n).map(String).join('.'));
    if (line !== undefined) return line;
  }
  return 1;
}
