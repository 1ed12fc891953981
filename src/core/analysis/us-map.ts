/**
 * A static map of the United States, computed at build time: the outline
 * and state borders from us-atlas (states-10m, Census shapes) projected with
 * d3-geo's geoAlbersUsa (Alaska and Hawaii as insets), simplified and rounded
 * to whole pixels so the SVG stays small; every place with coordinates as a
 * point sized by its policies + guides and coloured by state; the places that
 * cannot be drawn, with the reason. Plain data out: the page draws the SVG.
 */
import { geoAlbersUsa, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-10m.json' with { type: 'json' };
import { US_STATES, type UsStateCode } from '../schema/index.ts';

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;
/** Point radius: area proportional to the count, at least MIN so a place with nothing recorded still shows. */
export const MIN_RADIUS = 3;
export const MAX_RADIUS = 14;
/** Colours a point can take (CSS classes map__dot--0 … --7): neighbouring states never share one. */
export const PALETTE_SIZE = 8;
/** Douglas–Peucker tolerance in pixels: below what a screen shows at this size. */
const SIMPLIFY_PX = 0.6;

/** us-atlas's own settings for a 975 × 610 Albers USA (see its README), so shapes and points agree. */
export function mapProjection() {
  return geoAlbersUsa().scale(1300).translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
}

export interface MapPlaceInput {
  id: string;
  name: string;
  /** Upper-case USPS code. */
  state: string;
  coordinates?: { lat: number; lon: number } | undefined;
  policies: number;
  faqs: number;
}

export interface MapPoint {
  id: string;
  name: string;
  state: string;
  stateName: string;
  x: number;
  y: number;
  r: number;
  policies: number;
  faqs: number;
  /** Palette index 0 … PALETTE_SIZE-1. */
  colour: number;
}

export interface MapOmission {
  id: string;
  name: string;
  state: string;
  stateName: string;
  reason: 'no-coordinates' | 'outside-map';
  policies: number;
  faqs: number;
}

export interface UsMap {
  /** The projection's frame (the Aleutians reach a little beyond it: see viewBox). */
  width: number;
  height: number;
  /** "minX minY width height": the outline's bounds, so no island is cut off. */
  viewBox: string;
  /** SVG path data of the country (fill), absolute M/L/Z commands with integer coordinates. */
  land: string;
  /** SVG path data of the borders between states (stroke only). */
  borders: string;
  /** Drawn biggest first, so small points stay on top and clickable. */
  points: MapPoint[];
  /** Places not drawn, by name. */
  omitted: MapOmission[];
  /** Palette index of each state with a point, by code. */
  stateColours: Record<string, number>;
}

type Point = [number, number];
type Line = Point[];

/** Perpendicular distance of p from the segment a–b (or from a when a = b). */
function distance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/** Douglas–Peucker: the fewest points that stay within `tolerance` of the line (ends kept). */
export function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  if (points.length < 3) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let max = 0;
    let index = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distance(points[i]!, points[from]!, points[to]!);
      if (d > max) [max, index] = [d, i];
    }
    if (index >= 0 && max > tolerance) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Projected lines of a GeoJSON object, as d3's path renderer draws them (clipped, resampled). */
function projectLines(object: GeoPermissibleObjects): { lines: Line[]; closed: boolean[] } {
  const lines: Line[] = [];
  const closed: boolean[] = [];
  const context = {
    moveTo(x: number, y: number) {
      lines.push([[x, y]]);
      closed.push(false);
    },
    lineTo(x: number, y: number) {
      lines.at(-1)?.push([x, y]);
    },
    closePath() {
      closed[closed.length - 1] = true;
    },
    arc() {},
  };
  geoPath(mapProjection(), context as unknown as CanvasRenderingContext2D)(object);
  return { lines, closed };
}

/** Simplified, integer, deduplicated path data; rings too small to see are dropped. */
function pathData(object: GeoPermissibleObjects): string {
  const { lines, closed } = projectLines(object);
  const parts: string[] = [];
  lines.forEach((line, i) => {
    const ring = closed[i]!;
    const points = simplifyLine(ring ? [...line, line[0]!] : line, SIMPLIFY_PX)
      .map(([x, y]) => [Math.round(x), Math.round(y)] as Point)
      .filter((p, j, all) => j === 0 || p[0] !== all[j - 1]![0] || p[1] !== all[j - 1]![1]);
    if (ring) {
      if (points.length > 1 && points.at(-1)![0] === points[0]![0] && points.at(-1)![1] === points[0]![1]) points.pop();
      if (points.length < 3) return;
    } else if (points.length < 2) return;
    parts.push(`M${points.map((p) => `${p[0]} ${p[1]}`).join('L')}${ring ? 'Z' : ''}`);
  });
  return parts.join('');
}

interface Outline {
  land: string;
  borders: string;
  /** Bounds of land and borders: [minX, minY, maxX, maxY]. */
  bounds: [number, number, number, number];
  /** State codes sharing a border, by code. */
  adjacent: Map<string, Set<string>>;
}

let outline: Outline | undefined;

/** The country and its state borders, computed once per process (the same for every build). */
export function usOutline(): Outline {
  if (outline) return outline;
  const topology = statesTopology as unknown as Topology<{ states: GeometryCollection<{ name: string }>; nation: GeometryCollection }>;
  const states = topology.objects.states;
  const codeByName = new Map<string, string>(Object.entries(US_STATES).map(([code, name]) => [name, code]));
  const codes = states.geometries.map((g) => codeByName.get((g.properties as { name?: string } | undefined)?.name ?? '') ?? '');
  const adjacent = new Map<string, Set<string>>();
  neighbors(states.geometries).forEach((list, i) => {
    const set = adjacent.get(codes[i]!) ?? new Set<string>();
    for (const j of list) set.add(codes[j]!);
    adjacent.set(codes[i]!, set);
  });
  const land = pathData(feature(topology, topology.objects.nation));
  const borders = pathData(mesh(topology, states, (a, b) => a !== b));
  const numbers = `${land} ${borders}`.match(/-?\d+/g)!.map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  outline = { land, borders, bounds: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], adjacent };
  return outline;
}

/**
 * Colours by state: states take palette colours in turn (in code order), so
 * as many colours are used as there are, skipping any colour a neighbouring
 * state already has, so touching states always differ. Colour is never the
 * only cue: the state is in every point's label and in the table.
 */
export function stateColours(states: readonly string[], adjacent: ReadonlyMap<string, ReadonlySet<string>>): Record<string, number> {
  const colours: Record<string, number> = {};
  [...new Set(states)].sort().forEach((state, i) => {
    const taken = new Set([...(adjacent.get(state) ?? [])].map((n) => colours[n]).filter((c) => c !== undefined));
    let colour = i % PALETTE_SIZE;
    for (let tries = 0; taken.has(colour) && tries < PALETTE_SIZE; tries++) colour = (colour + 1) % PALETTE_SIZE;
    colours[state] = colour;
  });
  return colours;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The map for these places. */
export function usMap(places: readonly MapPlaceInput[]): UsMap {
  const { land, borders, bounds, adjacent } = usOutline();
  const projection = mapProjection();
  const stateName = (code: string) => US_STATES[code as UsStateCode] ?? code;
  const drawn: Omit<MapPoint, 'r' | 'colour'>[] = [];
  const omitted: MapOmission[] = [];
  for (const place of places) {
    const base = { id: place.id, name: place.name, state: place.state, stateName: stateName(place.state), policies: place.policies, faqs: place.faqs };
    const xy = place.coordinates ? projection([place.coordinates.lon, place.coordinates.lat]) : null;
    if (!place.coordinates) omitted.push({ ...base, reason: 'no-coordinates' });
    else if (!xy) omitted.push({ ...base, reason: 'outside-map' });
    else drawn.push({ ...base, x: round1(xy[0]), y: round1(xy[1]) });
  }
  const max = Math.max(1, ...drawn.map((p) => p.policies + p.faqs));
  const colours = stateColours(drawn.map((p) => p.state), adjacent);
  const points = drawn
    .map((p) => ({ ...p, r: round1(Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt((p.policies + p.faqs) / max))), colour: colours[p.state]! }))
    .sort((a, b) => b.r - a.r || (a.id < b.id ? -1 : 1));
  omitted.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  // The outline's box, widened to the projection's frame and by a point's radius so edge points show whole.
  const minX = Math.min(bounds[0], 0) - MAX_RADIUS;
  const minY = Math.min(bounds[1], 0) - MAX_RADIUS;
  const maxX = Math.max(bounds[2], MAP_WIDTH) + MAX_RADIUS;
  const maxY = Math.max(bounds[3], MAP_HEIGHT) + MAX_RADIUS;
  const viewBox = `${minX} ${minY} ${maxX - minX} ${maxY - minY}`;
  return { width: MAP_WIDTH, height: MAP_HEIGHT, viewBox, land, borders, points, omitted, stateColours: colours };
}

/** The map's input from the graph: every place, with its policy and guide counts. */
export function mapPlaces(kb: {
  places: readonly { id: string; name: string; state: string; policies: readonly string[]; faqs: readonly string[]; doc: { data: { coordinates?: { lat: number; lon: number } | undefined } } }[];
}): MapPlaceInput[] {
  return kb.places.map((p) => ({
    id: p.id, name: p.name, state: p.state, coordinates: p.doc.data.coordinates, policies: p.policies.length, faqs: p.faqs.length,
  }));
}

