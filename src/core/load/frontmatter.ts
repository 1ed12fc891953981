/**
 * Splits a content file into frontmatter and body (gray-matter) and parses the
 * YAML with positions kept, so every later diagnostic can name its line.
 * YAML 1.2 core schema: dates stay strings, "no" stays a string.
 */
import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from '../diagnostics/diagnostic.ts';

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the first body character in the file. */
  bodyLine: number;
  /** Dotted field path → 1-based line in the file. */
  fieldLines: Map<string, number>;
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

export function parseFrontmatter(file: string, text: string): ParsedFrontmatter {
  const diagnostics: Diagnostic[] = [];
  const fieldLines = new Map<string, number>();
  if (!/^---\r?\n/.test(text)) {
    diagnostics.push({
      file, line: 1, column: 1, rule: 'frontmatter', severity: 'error',
      message: 'the file does not start with a frontmatter block',
      hint: 'begin the file with a line "---", the YAML fields, and a closing "---"',
    });
    return { data: {}, body: text, bodyLine: 1, fieldLines, diagnostics };
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    diagnostics.push({
      file, line: 1, column: 1, rule: 'frontmatter', severity: 'error',
      message: 'the frontmatter block is never closed',
      hint: 'end the YAML fields with a line "---"',
    });
    return { data: {}, body: '', bodyLine: 1, fieldLines, diagnostics };
  }
  // gray-matter only splits; the engine below parses with positions kept.
  let data: Record<string, unknown> = {};
  let content = '';
  try {
    const result = matter(text, {
      engines: {
        yaml: (source: string) => {
          const lineCounter = new LineCounter();
          const doc = parseDocument(source, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
          const error = doc.errors[0];
          if (error) {
            const pos = lineCounter.linePos(error.pos[0]);
            throw new YamlPositionedError(error.message.split('\n')[0] ?? 'invalid YAML', pos.line, pos.col);
          }
          if (doc.contents) recordLines(doc.contents, [], lineCounter, fieldLines);
          const value: unknown = doc.toJS({ maxAliasCount: 100 });
          return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
        },
      },
    });
    data = result.data;
    content = result.content;
  } catch (error) {
    if (error instanceof YamlPositionedError) {
      diagnostics.push({
        file, line: error.line, column: error.column, rule: 'yaml', severity: 'error',
        message: `broken YAML: ${error.message}`,
        hint: 'check indentation, the colon after each key, and quote values that contain ": " or start with a symbol',
      });
    } else {
      const closed = /\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3));
      diagnostics.push({
        file, line: 1, column: 1, rule: closed ? 'yaml' : 'frontmatter', severity: 'error',
        message: closed ? `broken YAML: ${(error as Error).message.split('\n')[0]}` : 'the frontmatter block is never closed',
        hint: closed ? undefined : 'end the YAML fields with a line "---"',
      });
    }
    return { data: {}, body: '', bodyLine: 1, fieldLines, diagnostics };
  }
  const bodyOffset = text.length - content.length;
  return { data, body: content, bodyLine: positionAt(text, bodyOffset).line, fieldLines, diagnostics };
}

/**
 * Walks the YAML tree. gray-matter hands the engine the text right after the
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
export function lineOfField(fieldLines: Map<string, number>, path: readonly PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const line = fieldLines.get(path.slice(0, n).map(String).join('.'));
    if (line !== undefined) return line;
  }
  return 1;
}
