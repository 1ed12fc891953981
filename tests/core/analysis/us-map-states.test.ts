/**
 * The map summed by state: one point per state with drawn places, at the
 * mean of its places' positions, its counts the sums of theirs, sized on the
 * places' scale and coloured as they are — checked on the analysis fixture and
 * on invented points.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_RADIUS, MIN_RADIUS, mapPlaces, usMap, type MapPoint } from '../../../src/core/analysis/us-map.ts';
import { statePoints } from '../../../src/core/analysis/us-map-states.ts';
import { loadKnowledgeBase } from '../../../src/core/index.ts';
import { writeAnalysisFixture } from './fixture.ts';

const point = (id: string, state: string, x: number, y: number, policies: number, faqs: number, colour = 0): MapPoint => ({
  id, name: id, state, stateName: state, x, y, r: MIN_RADIUS, policies, faqs, colour,
});

describe('statePoints', () => {
  test('sums each state and places it at the mean of its places', () => {
    const states = statePoints([point('a', 'MO', 10, 20, 2, 1, 3), point('b', 'MO', 30, 40, 0, 1, 3), point('c', 'KS', 5, 5, 0, 0, 1)]);
    expect(states.map((s) => [s.state, s.x, s.y, s.places, s.policies, s.faqs, s.colour])).toEqual([
      ['MO', 20, 30, 2, 2, 2, 3],
      ['KS', 5, 5, 1, 0, 0, 1],
    ]);
    // The biggest state gets the biggest point; a state with nothing recorded still shows.
    expect(states[0]!.r).toBe(MAX_RADIUS);
    expect(states[1]!.r).toBe(MIN_RADIUS);
  });

  test('areas are proportional to policies + guides', () => {
    const states = statePoints([point('a', 'AA', 0, 0, 16, 0), point('b', 'BB', 0, 0, 4, 0), point('c', 'CC', 0, 0, 1, 0)]);
    const area = (s: { r: number }) => s.r * s.r;
    expect(area(states[0]!) / area(states[1]!)).toBeCloseTo(4, 1);
    expect(states.map((s) => s.state)).toEqual(['AA', 'BB', 'CC']);
  });

  test('no points, no states', () => {
    expect(statePoints([])).toEqual([]);
  });

  describe('on the analysis fixture', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await writeAnalysisFixture();
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    test('every drawn place is counted once, in its own state', async () => {
      const map = usMap(mapPlaces((await loadKnowledgeBase(dir)).kb));
      const states = statePoints(map.points);
      expect(states.map((s) => s.state).sort()).toEqual([...new Set(map.points.map((p) => p.state))].sort());
      for (const s of states) {
        const own = map.points.filter((p) => p.state === s.state);
        expect([s.places, s.policies, s.faqs], s.state).toEqual([own.length, own.reduce((n, p) => n + p.policies, 0), own.reduce((n, p) => n + p.faqs, 0)]);
        expect(s.colour).toBe(map.stateColours[s.state]);
      }
    });
  });
});
