/**
 * A Hub place (`_places/<slug>.md`) → the project's place data. Only what the
 * Hub states is carried over; nothing is guessed beyond the one rule the Hub
 * forces on us: "local" stays local unless the name itself says County.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

export interface HubPlaceMapping {
  /** Candidate place data, in schema key order; validated by the caller. */
  data: Record<string, unknown>;
  /** Hub title, used to build policy titles. */
  title: string | undefined;
  /** Hub `wwc`, compared with a policy's own `wwc`. */
  wwc: unknown;
  notes: Diagnostic[];
}

/** Hub keys this mapping reads; any other key is reported as dropped. */
const KNOWN_PLACE_KEYS = new Set(['place', 'title', 'states', 'type', 'x', 'y', 'wwc', 'portal_urls', 'layout']);

/**
 * Maps one Hub place. `line` gives the line of a frontmatter key for notes.
 * Kind: type "state" → state; otherwise "county" when the title says County,
 * else "local" (the Hub does not say city or agency, and we do not guess).
 */
export function mapPlace(
  id: string,
  hub: Record<string, unknown>,
  file: string,
  line: (field: string) => number,
): HubPlaceMapping {
  const notes: Diagnostic[] = [];
  const note = (field: string, rule: string, message: string, hint?: string) =>
    notes.push({ file, line: line(field), column: 1, rule, severity: 'warning', message, field, ...(hint ? { hint } : {}) });

  const title = typeof hub.title === 'string' ? hub.title.trim() : undefined;
  const states = Array.isArray(hub.states) ? hub.states : hub.states === undefined ? [] : [hub.states];
  if (states.length > 1) note('states', 'hub-several-states', `the Hub lists ${states.length} states; the first, ${String(states[0])}, is kept`);
  if (hub.place !== undefined && hub.place !== id) {
    note('place', 'hub-place-mismatch', `the file is named "${id}" but its place key says "${String(hub.place)}"; the file name is the id`);
  }
  let kind: string;
  if (hub.type === 'state') kind = 'state';
  else {
    if (hub.type === undefined) note('type', 'hub-place-type-missing', 'the Hub gives no type; taken as a local government');
    else if (hub.type !== 'local') note('type', 'hub-place-type-unknown', `unknown Hub type "${String(hub.type)}"; taken as a local government`);
    kind = title && /\bcounty\b/i.test(title) ? 'county' : 'local';
  }
  for (const key of Object.keys(hub)) {
    if (!KNOWN_PLACE_KEYS.has(key)) note(key, 'hub-dropped-key', `the Hub key "${key}" has no place in the place schema; dropped`);
  }
  const hasPoint = hub.x !== undefined || hub.y !== undefined;
  const data: Record<string, unknown> = {
    name: title ?? hub.title,
    kind,
    state: states[0],
    coordinates: hasPoint ? { lat: hub.y, lon: hub.x } : undefined,
    wwc: hub.wwc,
    portal_urls: hub.portal_urls,
  };
  return { data, title, wwc: hub.wwc, notes };
}
