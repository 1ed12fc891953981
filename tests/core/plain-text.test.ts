/**
 * stripMarkdownLine skips its replaces on lines with none of the characters
 * they need: the same result as running them all, on every line of the
 * project's policies, the Sunlight sample (when present) and lines made to
 * sit at the edges of the quick test.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { stripMarkdownLine, toParagraphs } from '../../src/core/passages/plain-text.ts';
import { repoRoot } from '../support/repo-root.ts';
import { SUNLIGHT_SAMPLE, sunlightSamplePresent } from '../support/sunlight-sample.ts';

/** Every replace, always: what stripMarkdownLine did before it had a quick test. */
function everyReplace(line: string): string {
  const unmarked = line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '')
    .replace(/^\s*>\s?/, '');
  const cut = unmarked.lastIndexOf(')') + 1;
  return (unmarked.slice(0, cut).replace(/!?\[([^\][]*)\]\([^)]*\)/g, '$1') + unmarked.slice(cut))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

async function linesOf(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md') || f.endsWith('.html'));
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
  return texts.flatMap((text) => text.split('\n'));
}

const EDGES = [
  '',
  'Plain prose with no markers at all, 42 of them.',
  '   - a dash item',
  '\t+ a plus item',
  '• a bullet item',
  '12. numbered',
  '3) numbered too',
  '-not an item',
  '2019.no space',
  '## A heading',
  '####### seven hashes',
  '> a quote',
  'see [the text](https://example.org/a) here',
  '**bold** and __bold__ and *em* and _em_',
  'snake_case_name and 2*3*4',
  'escaped \\* star and \\_ underscore',
  'a > b and c # d',
];

test('the quick test changes nothing: the same lines as every replace', async () => {
  const lines = [...EDGES, ...(await linesOf(path.join(repoRoot, 'content')))];
  if (sunlightSamplePresent) lines.push(...(await linesOf(SUNLIGHT_SAMPLE)));
  expect(lines.length).toBeGreaterThan(sunlightSamplePresent ? 5_000 : 50);
  const differing = lines.filter((line) => stripMarkdownLine(line) !== everyReplace(line));
  expect(differing).toEqual([]);
  // Both kinds are in the set: lines the quick test lets through unchanged and lines it sends on.
  expect(lines.filter((line) => line !== '' && everyReplace(line) === line).length).toBeGreaterThan(10);
  expect(lines.filter((line) => everyReplace(line) !== line).length).toBeGreaterThan(10);
});

test('entities are decoded where there are any, and text without them is left alone', () => {
  expect(toParagraphs('Fees &amp; fines &#167; 2\n\nNo entities here; 5 < 6')).toEqual(['Fees & fines § 2', 'No entities here; 5 < 6']);
});
