/**
 * The map's data: one point per place that has coordinates inside the map,
 * every point inside the outline's bounds and inside its own state's box,
 * areas proportional to the counts, touching states in different colours,
 * the rest listed with the reason, and outline path data that stays small.
 */
import { rm } from 'node:fs/promises';
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import statesTopology from 'us-atlas/states-10m.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  MAX_RADIUS, MIN_RADIUS, mapPlaces, mapProjection, simplifyLine, stateColours, usMap, usOutline, type MapPlaceInput, type UsMap,
} from '../../../src/core/analysis/us-map.ts';
import { loadKnowledgeBase } from '../../../src/core/index.ts';
import { US_STATES } from '../../../src/core/schema/index.ts';
import { FIXTURE_PLACES, writeAnalysisFixture } from './fixture.ts';

/** Bounding box of absolute SVG path data, read here from its numbers. */
function pathBounds(...paths: string[]) {
  const numbers = paths.flatMap((d) => (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number));
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

/** Projected box of one state, straight from the atlas (not simplified). */
function stateBox(code: string) {
  const topology = statesTopology as any;
  const name = US_STATES[code as keyof typeof US_STATES];
  const geometry = topology.objects.states.geometries.find((g: any) => g.properties.name === name);
  const [[x0, y0], [x1, y1]] = geoPath(mapProjection()).bounds(feature(topology, geometry) as any);
  return { x0, y0, x1, y1 };
}

describe('usMap on the written fixture', () => {
  let dir = '';
  let map: UsMap;
  let input: MapPlaceInput[];

  beforeAll(async () => {
    dir = await writeAnalysisFixture();
    input = mapPlaces((await loadKnowledgeBase(dir)).kb);
    map = usMap(input);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('one point per place with coordinates inside the map; the others listed with the reason', () => {
    const withCoordinates = FIXTURE_PLACES.filter((p) => 'coordinates' in p && p.state !== 'GU').map((p) => p.id);
    expect(map.points.map((p) => p.id).sort()).toEqual([...withCoordinates].sort());
    expect(map.omitted.map((o) => [o.id, o.reason])).toEqual([
      ['harbor-gu', 'outside-map'],
      ['nowhere-tx', 'no-coordinates'],
    ]);
  });

  test('every point is inside the outline and inside its own state', () => {
    const box = pathBounds(map.land, map.borders);
    // The view box holds the whole outline (the Aleutians reach past x = 0).
    const [vx, vy, vw, vh] = map.viewBox.split(' ').map(Number) as [number, number, number, number];
    expect([vx <= box.minX, vy <= box.minY, vx + vw >= box.maxX, vy + vh >= box.maxY]).toEqual([true, true, true, true]);
    for (const p of map.points) {
      expect(p.x, p.id).toBeGreaterThanOrEqual(box.minX);
      expect(p.x, p.id).toBeLessThanOrEqual(box.maxX);
      expect(p.y, p.id).toBeGreaterThanOrEqual(box.minY);
      expect(p.y, p.id).toBeLessThanOrEqual(box.maxY);
      const state = stateBox(p.state);
      expect(p.x, `${p.id} in ${p.state}`).toBeGreaterThanOrEqual(state.x0 - 0.1);
      expect(p.x, `${p.id} in ${p.state}`).toBeLessThanOrEqual(state.x1 + 0.1);
      expect(p.y, `${p.id} in ${p.state}`).toBeGreaterThanOrEqual(state.y0 - 0.1);
      expect(p.y, `${p.id} in ${p.state}`).toBeLessThanOrEqual(state.y1 + 0.1);
    }
    const at = (id: string) => map.points.find((p) => p.id === id)!;
    // West to east: Washington, Kansas, Missouri; Alaska is the lower-left inset.
    expect(at('lakeside-wa').x).toBeLessThan(at('otherton-ks').x);
    expect(at('otherton-ks').x).toBeLessThan(at('testville-mo').x);
    expect(at('anchor-ak').x).toBeLessThan(300);
    expect(at('anchor-ak').y).toBeGreaterThan(400);
  });

  test('point area is proportional to policies + guides, with a minimum radius', () => {
    const max = Math.max(...map.points.map((p) => p.policies + p.faqs));
    for (const p of map.points) {
      const count = p.policies + p.faqs;
      const expected = Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(count / max));
      expect(p.r, p.id).toBeCloseTo(expected, 1);
    }
    // Testville (3 policies, 3 guides) is the biggest, and drawn first.
    expect(map.points[0]!.id).toBe('testville-mo');
    expect(map.points[0]!.r).toBe(MAX_RADIUS);
    expect(map.points.at(-1)!.r).toBe(MIN_RADIUS);
  });

  test('points take their state colour', () => {
    for (const p of map.points) expect(p.colour).toBe(map.stateColours[p.state]);
    expect(map.points.find((p) => p.id === 'riverton-mo')!.colour).toBe(map.points.find((p) => p.id === 'testville-mo')!.colour);
  });
});

describe('stateColours', () => {
  test('touching states never share a colour', () => {
    const { adjacent } = usOutline();
    const all = Object.keys(US_STATES).filter((s) => adjacent.has(s));
    const colours = stateColours(all, adjacent);
    for (const s of all) for (const n of adjacent.get(s)!) if (n !== s) expect(colours[s], `${s}/${n}`).not.toBe(colours[n]);
    expect(new Set(Object.values(colours)).size).toBe(8);
  });
});

describe('outline', () => {
  test('small: simplified to whole pixels', () => {
    const { land, borders } = usOutline();
    expect(land.length + borders.length).toBeLessThan(40_000);
    expect(land).toMatch(/^M\d+ \d+L/);
    expect(land).not.toMatch(/\.\d/);
    // The 48 states, Alaska and Hawaii: many separate rings (islands included).
    expect(land.match(/M/g)!.length).toBeGreaterThan(20);
  });

  test.each([
    ['a straight line keeps its ends', [[0, 0], [1, 0.1], [2, 0], [3, 0.1], [4, 0]], 0.5, [[0, 0], [4, 0]]],
    ['a corner beyond the tolerance stays', [[0, 0], [5, 5], [10, 0]], 0.5, [[0, 0], [5, 5], [10, 0]]],
    ['two points are left alone', [[0, 0], [1, 1]], 5, [[0, 0], [1, 1]]],
  ] as [string, [number, number][], number, [number, number][]][])('simplifyLine: %s', (_name, points, tolerance, expected) => {
    expect(simplifyLine(points, tolerance)).toEqual(expected);
  });
});
