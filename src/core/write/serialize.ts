/**
 * Writes an entity back as a content file: YAML frontmatter then the body.
 * Used by the importers and `npm run new`, so every generated file has the
 * same key order and quoting, and re-importing gives identical bytes.
 */
import { stringify } from 'yaml';

export function toContentFile(data: Record<string, unknown>, body = ''): string {
  const yaml = stringify(dropUndefined(data), { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const trimmedBody = body.replace(/^\n+/, '').replace(/\s+$/, '');
  return `---\n${yaml}---\n${trimmedBody ? `\n${trimmedBody}\n` : ''}`;
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = dropUndefined(v);
    return out;
  }
  return value;
}
