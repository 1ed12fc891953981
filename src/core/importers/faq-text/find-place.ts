/**
 * Which place an article is about. The family always names it as
 * "Independence, Missouri" (or "Paradise, NV") early in the text, and the
 * title starts or ends with the bare name; the importer needs both to agree
 * before it trusts a name. `city` is claimed only when the text calls the place
 * a city; everything else is `local`, as the Sunlight Hub does.
 */
import type { UsStateCode } from '../../schema/common.ts';
import { slugify } from './slugify.ts';
import type { ImportedPlace, KnownPlace } from './types.ts';
import { STATE_NAME_PATTERN, stateCode } from './us-states.ts';

const NAME_WORD = String.raw`(?:[\p{Lu}][\p{L}'’.\-]*|of)`;
/** "Kansas City, Missouri" / "Paradise, NV": a run of capitalised words, a comma, a state. */
const NAMED_WITH_STATE = new RegExp(
  String.raw`((?:${NAME_WORD}\s+){0,5}[\p{Lu}][\p{L}'’.\-]*),\s+(${STATE_NAME_PATTERN}|[A-Z]{2})\b`,
  'gu',
);
/** Words that can open the capitalised run without being part of the name. */
const LEADING_NOISE = new Set(['in', 'the', 'this', 'across', 'for', 'how', 'city', 'of', 'town', 'county', 'why', 'what', 'when']);

export interface PlaceHit {
  place: ImportedPlace;
  /** True when the name came from content/places rather than the text alone. */
  known: boolean;
}

/**
 * Finds the place from the title and the text. `headerState` (from the
 * header line) wins over the state written in the text when both exist.
 */
export function findPlace(
  title: string,
  text: string,
  headerState: UsStateCode | undefined,
  knownPlaces: readonly KnownPlace[] = [],
): PlaceHit | undefined {
  for (const source of [title, text]) {
    for (const match of source.matchAll(NAMED_WITH_STATE)) {
      const state = headerState ?? stateCode(match[2] ?? '');
      if (!state) continue;
      const name = pickName(match[1] ?? '', title);
      if (!name) continue;
      const known = knownPlaces.find(
        (p) => p.state.toUpperCase() === state && (slugify(p.name) === slugify(name) || p.slug === placeSlug(name, state)),
      );
      const kind = placeKind(known?.name ?? name, text);
      if (known) return { place: { slug: known.slug, name: known.name, state, kind }, known: true };
      return { place: { slug: placeSlug(name, state), name, state, kind }, known: false };
    }
  }
  return undefined;
}

/** "<city>-<usps lower>", e.g. "ofallon-mo". */
export function placeSlug(name: string, state: string): string {
  return `${slugify(name)}-${state.toLowerCase()}`;
}

/**
 * The place name inside a capitalised run such as "In Kansas City": the
 * longest tail of the run that the title also contains, else the run without
 * its opening noise words.
 */
function pickName(run: string, title: string): string | undefined {
  const words = run.trim().split(/\s+/);
  const titleKey = ` ${slugify(title).replace(/-/g, ' ')} `;
  for (let start = 0; start < words.length; start++) {
    const candidate = words.slice(start).join(' ');
    if (LEADING_NOISE.has((words[start] ?? '').toLowerCase())) continue;
    if (titleKey.includes(` ${slugify(candidate).replace(/-/g, ' ')} `)) return candidate;
  }
  let start = 0;
  while (start < words.length - 1 && LEADING_NOISE.has((words[start] ?? '').toLowerCase())) start++;
  const name = words.slice(start).join(' ');
  return name || undefined;
}

/**
 * `city` when the text says "City of <name>", or names "<name>, <State>" and
 * speaks of "the city" without calling it a town, county or neighbourhood, or
 * tying it to another city ("City of Chicago rules" for Near North Side).
 */
export function placeKind(name: string, text: string): ImportedPlace['kind'] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]?");
  if (new RegExp(String.raw`\bCity of ${escaped}\b`).test(text)) return 'city';
  const otherCity = [...text.matchAll(/\bCity of ((?:[A-Z][\w'’.-]*\s?)+)/g)].some(
    (m) => slugify(m[1] ?? '') !== slugify(name),
  );
  if (otherCity) return 'local';
  const notACity = new RegExp(String.raw`${escaped}\s+(?:is|was)\s+(?:an?\s+)?(?:unincorporated|town|county|neighbou?rhood|community|village|township)`, 'i');
  if (notACity.test(text) || /\bunincorporated\b/i.test(text)) return 'local';
  return /\bcity(?:'s|’s)?\b/i.test(text) ? 'city' : 'local';
}
