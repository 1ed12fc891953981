/** The placeholder rule: every "TODO" left in a field or a body line is an error naming where it is. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { isPlaceholder } from '../../src/core/rules/placeholders.ts';
import { validateContent } from '../../src/core/validate.ts';
import { VALID_FILES, writeContentFixture } from '../support/content-fixture.ts';

describe('isPlaceholder', () => {
  test.each([
    ['TODO: title', true],
    ['  todo fill this', true],
    ['TODO', true],
    ['Todos los residentes', false], // Spanish "todos" is a word, not a placeholder
    ['Fill in TODO later', false], // only a leading TODO counts
    ['Springfield', false],
  ])('%j → %s', (text, expected) => {
    expect(isPlaceholder(text)).toBe(expected);
  });
});

describe('placeholder rule on a content folder', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('names each placeholder field and body line, and nothing else', async () => {
    const faq = VALID_FILES['faqs/springfield-mo/records.md']!
      .replace('summary: How to ask', 'summary: TODO how to ask')
      .replace('    title: Municipal Code', '    title: "TODO: page title"')
      .replace('Ask the City Clerk [1].', 'Ask the City Clerk [1].\n\n- TODO: list the steps');
    root = await writeContentFixture({ 'faqs/springfield-mo/records.md': faq });
    const { diagnostics } = await validateContent(root, { today: '2026-06-02' });
    const found = diagnostics.filter((d) => d.rule === 'placeholder');
    const lineOf = (needle: string) => faq.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(found.map((d) => [path.basename(d.file), d.line, d.field, d.severity])).toEqual([
      ['records.md', lineOf('summary: TODO'), 'summary', 'error'],
      ['records.md', lineOf('title: "TODO'), 'sources.0.title', 'error'],
      ['records.md', lineOf('- TODO: list'), undefined, 'error'],
    ]);
    expect(found[0]!.message).toContain('summary is still a placeholder');
    expect(found[2]!.column).toBe(3); // after the "- " list marker
  });

  test('a folder without placeholders has none', async () => {
    root = await writeContentFixture();
    const { diagnostics } = await validateContent(root, { today: '2026-06-02' });
    expect(diagnostics.filter((d) => d.rule === 'placeholder')).toEqual([]);
  });
});
