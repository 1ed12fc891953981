/**
 * Turns Zod issues into diagnostics an editor can act on: the field, what was
 * expected, what was found, the line it is on, and a did-you-mean for
 * misspelt keys. The one place schema messages are worded.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { lineOfField, type FieldLines } from '../load/frontmatter.ts';
import { didYouMean } from '../util/did-you-mean.ts';

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${String(value)}`;
}

/** Keys allowed at a path of an object schema, for did-you-mean. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType;
    const unwrapped = (current as { def?: typeof def }).def;
    if (unwrapped?.type === 'object') current = unwrapped.shape?.[String(key)];
    else if (unwrapped?.type === 'array') current = unwrapped.element;
    else return [];
  }
  let def = (current as { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown } }).def;
  while (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')) {
    def = (def.innerType as { def?: typeof def }).def;
  }
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) current = current && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  return current;
}

/** "expected true, false or one of …" from the branches of a union issue. */
function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code === 'invalid_type') expected.add(inner.expected);
      else if (inner.code === 'invalid_value') for (const v of inner.values) expected.add(JSON.stringify(v));
    }
  }
  return expected.size ? `expected ${[...expected].join(', ')}` : 'no allowed form matches';
}

export function schemaDiagnostics(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  fieldLines: FieldLines,
  schema: z.ZodType,
  data: unknown,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const field = path.map(String).join('.') || undefined;
    const base = { file, line: lineOfField(fieldLines, path), column: 1, rule: 'schema', severity: 'error' as const };
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, keysAt(schema, path));
        const keyPath = [...path, key];
        out.push({
          ...base,
          line: lineOfField(fieldLines, keyPath),
          field: keyPath.map(String).join('.'),
          message: `unknown field "${key}"`,
          hint: suggestion ? `did you mean "${suggestion}"?` : `allowed here: ${keysAt(schema, path).join(', ')}`,
        });
      }
      continue;
    }
    // Zod 4 leaves `input` out of issues by default: read the value from the data itself.
    const found = valueAt(data, path);
    if (issue.code === 'invalid_type' && found === undefined) {
      out.push({ ...base, field, message: `missing required field "${field}"`, hint: `add "${String(path.at(-1))}: …" (expected ${issue.expected})` });
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type') message = `expected ${issue.expected}, found ${describe(found)}`;
    else if (issue.code === 'invalid_value') message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describe(found)}`;
    else if (issue.code === 'invalid_union') message = `${unionExpectation(issue)}, found ${describe(found)}`;
    out.push({ ...base, field, message: field ? `${field}: ${message}` : message });
  }
  return out;
}
