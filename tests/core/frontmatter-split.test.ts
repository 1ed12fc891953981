/**
 * The loader splits frontmatter from body itself (gray-matter's split cost a
 * cache entry keyed by each file's whole text). The cut must stay exactly
 * gray-matter's: same YAML handed to the parser, same body, same "empty
 * block" decision — checked against gray-matter on every real file and on
 * awkward shapes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { parseFrontmatter, splitFrontmatter } from '../../src/core/load/frontmatter.ts';
import { repoRoot } from '../support/repo-root.ts';

/** What gray-matter hands its YAML engine (undefined: not called) and the body it returns. */
function grayMatterSplit(text: string): { matter: string | undefined; content: string } {
  let handed: string | undefined;
  const result = matter(text, {
    engines: {
      yaml: (source: string) => {
        handed = source;
        return {};
      },
    },
  });
  return { matter: handed, content: result.content };
}

function expectSameSplit(text: string) {
  const ours = splitFrontmatter(text);
  const theirs = grayMatterSplit(text);
  expect(ours.content).toBe(theirs.content);
  expect(ours.empty ? undefined : ours.matter).toBe(theirs.matter);
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name));
}

const sample = path.resolve(repoRoot, '..', 'shared', 'sunlight-sample');

describe('same split as gray-matter on real files', () => {
  test('every content/ file', () => {
    const files = markdownFiles(path.join(repoRoot, 'content'));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expectSameSplit(readFileSync(file, 'utf8'));
  });

  test.skipIf(!existsSync(sample))('every Sunlight sample file that has frontmatter (skipped when ../shared is absent)', () => {
    const texts = markdownFiles(sample).map((f) => readFileSync(f, 'utf8')).filter((t) => /^---\r?\n/.test(t));
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expectSameSplit(text);
  });
});

test.each([
  ['plain', '---\ntitle: A\n---\nbody\n'],
  ['CRLF line ends', '---\r\ntitle: A\r\nlist:\r\n  - 1\r\n---\r\nbody\r\nmore\r\n'],
  ['no blank line after the block', '---\ntitle: A\n---body right after'],
  ['closing line with trailing text', '---\ntitle: A\n---  \nbody\n'],
  ['a longer dash line closes too', '---\ntitle: A\n-----\nbody\n'],
  ['"---" inside a block scalar cuts there', '---\ntext: |\n  a\n---\nb: 1\n---\nbody\n'],
  ['never closed', '---\ntitle: A\nno end\n'],
  ['closed at the very end', '---\ntitle: A\n---'],
  ['empty block', '---\n---\nbody\n'],
  ['only blank lines', '---\n\n  \n\t\n---\nbody\n'],
  ['only comments', '---\n# one\n  # two\n\n---\nbody\n'],
  ['comment then a field', '---\n# note\ntitle: A\n---\nbody\n'],
  ['a "#" with nothing after it', '---\n#\n---\nbody\n'],
  ['comment after a blank line and a field', '---\n\n# c\n\ntitle: A # x\n---\n\nbody\n'],
  ['body with its own "---" rule', '---\ntitle: A\n---\n\ntext\n\n---\n\nmore\n'],
  ['non-breaking space before a comment', '---\n\u00a0# c\n---\nbody\n'],
])('%s', (_name, text) => {
  expectSameSplit(text);
});

test.each([
  ['after the block', '---\ntitle: A\nb: 2\n---\nbody\n', 5],
  ['after a blank line', '---\ntitle: A\n---\n\nbody\n', 4],
  ['CRLF', '---\r\ntitle: A\r\n---\r\nbody\r\n', 4],
  ['trailing spaces on the closing line start the body', '---\ntitle: A\n---  \n\n\nbody', 3],
])('body line %s', (_name, text, line) => {
  const parsed = parseFrontmatter('x.md', text);
  expect(parsed.diagnostics).toEqual([]);
  expect(parsed.bodyLine).toBe(line);
  expect(text.split('\n')[line - 1]!.endsWith(parsed.body.split('\n')[0]!)).toBe(true);
});
