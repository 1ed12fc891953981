/**
 * The fast field-line scanner must give the same line as the full YAML parse
 * for every field of every real file: the project's content, the Sunlight
 * sample, the FAQ importer's output shapes, and YAML written in other styles.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanFieldLines } from '../../src/core/load/field-line-scanner.ts';
import { fieldLinesByParsing } from '../../src/core/load/frontmatter.ts';
import { repoRoot } from '../support/repo-root.ts';

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The text between the opening and closing "---", as gray-matter hands it over (leading newline kept). */
function matterOf(text: string): string | undefined {
  const match = /^---(\r?\n[\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match?.[1];
}

function expectSame(source: string) {
  const scanned = scanFieldLines(source, 1);
  const parsed = fieldLinesByParsing(source);
  if (!scanned) return 'fallback';
  expect(Object.fromEntries(scanned)).toEqual(Object.fromEntries(parsed));
  return 'scanned';
}

const sample = path.resolve(repoRoot, '..', 'shared', 'sunlight-sample');

describe('scanner agrees with the full parse on real files', () => {
  test('every content/ file', () => {
    const files = markdownFiles(path.join(repoRoot, 'content'));
    expect(files.length).toBeGreaterThan(40);
    const outcomes = files.map((f) => expectSame(matterOf(readFileSync(f, 'utf8'))!));
    expect(outcomes.filter((o) => o === 'scanned').length).toBe(files.length);
  });

  test.skipIf(!existsSync(sample))('every Sunlight sample file (skipped when ../shared is absent)', () => {
    const files = markdownFiles(sample);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const matter = matterOf(readFileSync(f, 'utf8'));
      if (matter !== undefined) expectSame(matter);
    }
  });
});

test.each([
  ['nested maps and lists of maps', '\na: 1\nb:\n  c: 2\n  d:\n    - e: 3\n      f: 4\n    - g\nh: [1, 2]\n'],
  ['lists not indented under their key', '\nlist:\n- one\n- two: 2\n  three: 3\nafter: x\n'],
  ['block scalars', '\ntext: |\n  line: not a key\n  - not an item\nnext: >-\n  folded\nlast: 1\n'],
  ['multi-line quoted and plain scalars', '\nq: "first\n  second: no"\np: plain\n  continued\nr: \'it\'\'s\n  x: y\'\ns: 2\n'],
  ['quoted keys and comments', '\n"a: b": 1\n# comment\n\'c\': 2  # trailing\nd:\n  # inside\n  e: 3\n'],
  ['nested sequences', '\nm:\n  - - a\n    - b\n  - c\n'],
])('%s', (_name, source) => {
  expect(expectSame(source)).toBe('scanned');
});

test('shapes it does not follow fall back to the full parse', () => {
  expect(scanFieldLines('\n? complex key\n: value\n', 1)).toBeUndefined();
  expect(scanFieldLines('\nflow: [a,\n  b]\n', 1)).toBeUndefined();
});
