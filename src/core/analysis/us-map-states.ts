/**
 * The map summed by state, for a map with too many places to draw one by one
 * on a page (the map page then draws a point per state, each linking to the
 * state's own map). Pure: the map's points in, one point per state out.
 */
import { MAX_RADIUS, MIN_RADIUS, type MapPoint } from './us-map.ts';

export interface StatePoint {
  /** Upper-case USPS code. */
  state: string;
  stateName: string;
  /** The mean position of the state's drawn places: where its places are, not the state's centre. */
  x: number;
  y: number;
  /** Area proportional to the state's policies + guides, on the same scale as a place's point. */
  r: number;
  /** Drawn places of the state. */
  places: number;
  policies: number;
  faqs: number;
  /** The state's palette index (the same as its places' points). */
  colour: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * One point per state with drawn places, biggest first (so small ones stay on
 * top), then by code: at the mean of its places' positions, sized by the sum
 * of their policies and guides (the biggest state gets MAX_RADIUS), coloured
 * as its places.
 */
export function statePoints(points: readonly MapPoint[]): StatePoint[] {
  const byState = new Map<string, { stateName: string; xs: number; ys: number; places: number; policies: number; faqs: number; colour: number }>();
  for (const p of points) {
    let s = byState.get(p.state);
    if (!s) byState.set(p.state, (s = { stateName: p.stateName, xs: 0, ys: 0, places: 0, policies: 0, faqs: 0, colour: p.colour }));
    s.xs += p.x;
    s.ys += p.y;
    s.places += 1;
    s.policies += p.policies;
    s.faqs += p.faqs;
  }
  const max = Math.max(1, ...[...byState.values()].map((s) => s.policies + s.faqs));
  return [...byState]
    .map(([state, s]) => ({
      state,
      stateName: s.stateName,
      x: round1(s.xs / s.places),
      y: round1(s.ys / s.places),
      r: round1(Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt((s.policies + s.faqs) / max))),
      places: s.places,
      policies: s.policies,
      faqs: s.faqs,
      colour: s.colour,
    }))
    .sort((a, b) => b.r - a.r || (a.state < b.state ? -1 : 1));
}
