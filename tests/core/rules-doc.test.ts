/** Every rule the validator can emit is documented in docs/rules.md, which every message links to. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../support/repo-root.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

test('each validator rule id has a section in docs/rules.md', async () => {
  const core = path.join(repoRoot, 'src', 'core');
  // Importers report their own notices while converting; they are not validator rules.
  const files = (await sourceFiles(core)).filter((f) => !f.includes(`${path.sep}importers${path.sep}`));
  const rules = new Set<string>();
  for (const file of files) for (const m of (await readFile(file, 'utf8')).matchAll(/rule: '([a-z-]+)'/g)) rules.add(m[1]!);
  expect(rules.size).toBeGreaterThan(20);
  const doc = await readFile(path.join(repoRoot, 'docs', 'rules.md'), 'utf8');
  const documented = new Set([...doc.matchAll(/^### ([a-z-]+)$/gm)].map((m) => m[1]));
  expect([...rules].filter((r) => !documented.has(r))).toEqual([]);
});
