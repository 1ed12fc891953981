/**
 * The bar chart's layout (label wrapping, bar lengths, rows that never
 * overlap) and the places-per-guideline numbers it is drawn from.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { barChartLayout, wrapText } from '../../../src/core/analysis/bar-chart.ts';
import { placesPerGuideline } from '../../../src/core/analysis/coverage.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/core/index.ts';
import { writeAnalysisFixture } from './fixture.ts';

describe('wrapText', () => {
  test.each([
    ['short', 10, ['short']],
    ['two words here', 9, ['two words', 'here']],
    ['a verylongwordthatdoesnotfit b', 5, ['a', 'verylongwordthatdoesnotfit', 'b']],
    ['', 10, ['']],
  ])('%j at %d', (text, width, expected) => expect(wrapText(text, width)).toEqual(expected));
});

describe('barChartLayout', () => {
  const items = [
    { label: 'First guideline with a rather long name that has to wrap onto another line', value: 10, valueText: '10 of 20' },
    { label: 'Second', value: 5, valueText: '5 of 20' },
    { label: 'Third', value: 0, valueText: '0 of 20' },
  ];

  test('bar length is value / max of the full length; values sit right of the track', () => {
    const layout = barChartLayout(items, { max: 20 });
    expect(layout.rows.map((r) => r.barWidth)).toEqual([layout.barMax / 2, layout.barMax / 4, 0]);
    for (const r of layout.rows) expect(r.valueX).toBeGreaterThan(layout.barMax);
    // Without a max, the largest value fills the track.
    expect(barChartLayout(items).rows[0]!.barWidth).toBe(barChartLayout(items).barMax);
  });

  test('labels wrap, rows follow one another without overlap, and the height holds them all', () => {
    const layout = barChartLayout(items, { max: 20 });
    expect(layout.rows[0]!.lines.length).toBeGreaterThan(1);
    expect(layout.rows[0]!.lines.map((l) => l.text).join(' ')).toBe(items[0]!.label);
    let bottom = 0;
    for (const row of layout.rows) {
      expect(row.lines[0]!.y - 12).toBeGreaterThanOrEqual(bottom);
      expect(row.barY).toBeGreaterThan(row.lines.at(-1)!.y);
      bottom = row.barY + layout.barHeight;
    }
    expect(layout.height).toBeGreaterThanOrEqual(bottom);
  });

  test('no items, no rows', () => {
    expect(barChartLayout([]).rows).toEqual([]);
  });
});

describe('placesPerGuideline on the fixture', () => {
  let dir = '';
  let kb: KnowledgeBase;
  beforeAll(async () => {
    dir = await writeAnalysisFixture();
    kb = (await loadKnowledgeBase(dir)).kb;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a place counts once per guideline, however many versions carry it', () => {
    const { total, guidelines } = placesPerGuideline(kb);
    expect(total).toBe(3); // testville, otherton, lakeside have policies
    const at = (code: string) => guidelines.find((g) => g.code === code)!;
    expect([at('open-formats').places, at('open-formats').policies]).toEqual([3, 5]);
    expect(at('metadata').places).toBe(3);
    expect(at('funding').places).toBe(1);
    expect(at('open-code').places).toBe(0);
    // Most places first, then guideline number.
    for (let i = 1; i < guidelines.length; i++) {
      const [a, b] = [guidelines[i - 1]!, guidelines[i]!];
      expect(a.places > b.places || (a.places === b.places && a.number < b.number)).toBe(true);
    }
  });
});
