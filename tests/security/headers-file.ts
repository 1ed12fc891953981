/** Reading public/_headers (Netlify / Cloudflare Pages format) and CSP strings, for the security tests. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../support/repo-root.ts';

/** Rules of a _headers file: path pattern → header name (lower case) → value. Comments and blank lines skipped. */
export function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!match || !current) throw new Error(`not a header line: ${line}`);
    current.set(match[1]!.toLowerCase(), match[2]!.trim());
  }
  return rules;
}

/** "a x y; b z" → { a: [x, y], b: [z] } */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** The headers public/_headers gives every path ("/*"), names in lower case. */
export async function siteHeaders(): Promise<Map<string, string>> {
  const rules = parseHeadersFile(await readFile(path.join(repoRoot, 'public', '_headers'), 'utf8'));
  const all = rules.get('/*');
  if (!all) throw new Error('public/_headers has no "/*" rule');
  return all;
}
