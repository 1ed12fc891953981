/**
 * placeCoverageByCategory: the city hub's guideline coverage per category, on
 * a graph built from the project's 31 guidelines and policies held in memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildKnowledgeBase } from '../../src/core/graph/build-graph.ts';
import { placeCoverageByCategory } from '../../src/core/graph/place-coverage.ts';
import { parseDocuments } from '../../src/core/load/load-content.ts';
import { ruleContext } from '../../src/core/rules/context.ts';
import { toContentFile } from '../../src/core/write/serialize.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const guidelineDir = path.join(repoRoot, 'content/guidelines');
const guidelineFiles = readdirSync(guidelineDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ relative: `guidelines/${name}`, text: readFileSync(path.join(guidelineDir, name), 'utf8') }));

const span = (code: string, text: string) => `<span class="g-${code}">${text}</span>`;

function graph() {
  const files = [
    ...guidelineFiles,
    { relative: 'places/alpha-mo.md', text: toContentFile({ name: 'Alpha', kind: 'city', state: 'MO' }) },
    { relative: 'places/beta-mo.md', text: toContentFile({ name: 'Beta', kind: 'city', state: 'MO' }) },
    { relative: 'places/gamma-mo.md', text: toContentFile({ name: 'Gamma', kind: 'city', state: 'MO' }) },
    {
      relative: 'policies/alpha-mo-2020-01-02.md',
      text: toContentFile(
        { title: 'Alpha open data', place: 'alpha-mo', year: 2020, date: '2020-01-02', legal_custom: 'Ordinance', sunlight: false },
        [
          `The city ${span('sensitive-information', 'protects private data')}.`,
          '',
          `It ${span('proactive-release', 'publishes by default')} and ${span('proactive-release', 'posts budgets')}.`,
          '',
          `The clerk ${span('oversight-authority', 'oversees the programme')}.`,
        ].join('\n'),
      ),
    },
    {
      relative: 'policies/alpha-mo-2022-05-06.md',
      text: toContentFile(
        { title: 'Alpha update', place: 'alpha-mo', year: 2022, date: '2022-05-06', legal_custom: 'Executive order', sunlight: false },
        `Again it ${span('proactive-release', 'publishes by default')}.`,
      ),
    },
    {
      relative: 'policies/beta-mo-2021-01-01.md',
      text: toContentFile(
        { title: 'Beta bulk', place: 'beta-mo', year: 2021, date: '2021-01-01', legal_custom: 'Ordinance', sunlight: false },
        `Beta ${span('bulk-data', 'offers bulk downloads')}.`,
      ),
    },
  ];
  const parsed = parseDocuments(files.map((f) => ({ ...f, file: `content/${f.relative}` })));
  expect(parsed.diagnostics).toEqual([]);
  return buildKnowledgeBase(ruleContext(parsed.documents, '2026-01-01', parsed.bodies));
}

describe('placeCoverageByCategory', () => {
  const kb = graph();

  test('groups the guidelines a place carries by category, with passages summed over its policies', () => {
    const coverage = placeCoverageByCategory(kb, 'alpha-mo')!;
    expect(coverage.map((c) => c.id)).toEqual(kb.categories.map((c) => c.id));
    const byId = Object.fromEntries(coverage.map((c) => [c.id, c]));
    const what = byId['what-data-should-be-public']!;
    // Guideline order (proactive-release is number 1), not order of appearance.
    expect(what.carried.map((g) => [g.code, g.passages])).toEqual([
      ['proactive-release', 3],
      ['sensitive-information', 1],
    ]);
    expect(what.passages).toBe(4);
    expect(byId['how-to-implement-policy']!.carried.map((g) => g.code)).toEqual(['oversight-authority']);
    // Beta's bulk-data passage is not Alpha's.
    expect(byId['how-to-make-data-public']!).toMatchObject({ carried: [], passages: 0 });
  });

  test.each(['what-data-should-be-public', 'how-to-make-data-public', 'how-to-implement-policy'])(
    'total of %s is the number of its guidelines',
    (id) => {
      const expected = kb.guidelines.filter((g) => g.category === id).length;
      expect(expected).toBeGreaterThan(0);
      expect(placeCoverageByCategory(kb, 'alpha-mo')!.find((c) => c.id === id)?.total).toBe(expected);
    },
  );

  test('a place without policies has every category empty', () => {
    const coverage = placeCoverageByCategory(kb, 'gamma-mo')!;
    expect(coverage).toHaveLength(3);
    expect(coverage.every((c) => c.carried.length === 0 && c.passages === 0)).toBe(true);
  });

  test('an unknown place has no coverage', () => {
    expect(placeCoverageByCategory(kb, 'nowhere-mo')).toBeUndefined();
  });
});
