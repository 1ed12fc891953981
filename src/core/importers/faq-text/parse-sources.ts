/**
 * Numbered `sources` from the article's citations and its Resources list.
 * Plain text keeps no URLs, so a source is a number, a title and a kind, and
 * `url` stays absent. Where a title comes from, best first:
 *   1. a Resources item that carries the number itself ("[1] City of … Code");
 *   2. the link text written against the marker ("Municipal Code[1]");
 *   3. the Resources item at the same position, when the mapping is
 *      unambiguous (as many items as cited numbers, or the words around each
 *      marker match that item and no other);
 *   4. the article's own words around the marker ("the municipal code
 *      publisher site [1]"), reported as missing a proper title.
 */
import type { SourceData } from '../../schema/faq.ts';
import type { Citation } from './citations.ts';
import type { TextLine } from './types.ts';

export interface ParsedSources {
  sources: SourceData[];
  repaired: string[];
  missing: string[];
}

/** Words too common in both a marker's context and a Resources item to show they belong together. */
const STOPWORDS = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'on', 'in', 'for', 'at', 'by', 'see', 'city', 'page', 'pages', 'site', 'official',
  'cited', 'below', 'above', 'linked', 'listed', 'referenced', 'contact', 'and', 'with', 'via', 'from', 'use', 'is', 'are',
]);

export function parseSources(citations: readonly Citation[], resources: readonly TextLine[] | undefined): ParsedSources {
  const repaired: string[] = [];
  const missing: string[] = [];
  const explicit = new Map<number, string>();
  const unnumbered: string[] = [];
  const items = resources ?? [];
  // Prose between bullets ("Contact the City Clerk for help.") is not a source when the list is bulleted.
  const listed = items.some((i) => i.mark !== 'none') ? items.filter((i) => i.mark !== 'none') : items;
  for (const item of listed) {
    const leading = /^\[(\d{1,3})\]\s*(.+)$/.exec(item.text);
    const trailing = /^(.+?)\s*\[(\d{1,3})\]$/.exec(item.text);
    if (leading) explicit.set(Number(leading[1]), (leading[2] ?? '').trim());
    else if (trailing) explicit.set(Number(trailing[2]), (trailing[1] ?? '').trim());
    else unnumbered.push(item.text.trim());
  }

  const cited = [...new Set(citations.map((c) => c.n))].sort((a, b) => a - b);
  const names = linkTexts(citations);
  const positional = explicit.size === 0 && positionalMappingHolds(cited, unnumbered, citations, names);
  if (positional && cited.some((n) => !names.has(n))) {
    repaired.push(`numbered the ${unnumbered.length} Resources items by position ([1]–[${unnumbered.length}])`);
  }

  const numbers = new Set<number>([...cited, ...explicit.keys(), ...(positional ? unnumbered.map((_, i) => i + 1) : [])]);
  const sources: SourceData[] = [...numbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const named = explicit.get(n) ?? names.get(n) ?? (positional ? unnumbered[n - 1] : undefined);
      if (named) return { n, title: named, kind: sourceKind(named) };
      // Unnamed: only words written against its marker may describe it; a claim's words say nothing of its kind.
      const described = citations
        .filter((c) => c.n === n && c.afterWords)
        .map((c) => titleFromContext(c.context))
        .find(Boolean);
      missing.push(`title of source [${n}]: the article does not name it${described ? `; used its own words "${described}"` : ''}`);
      if (described) return { n, title: described, kind: sourceKind(described) };
      return { n, title: `Source ${n} (not named in the article)`, kind: 'other' };
    });

  if (!resources) missing.push('section "Help and Support / Resources"');
  else if (resources.length === 0) missing.push('the Resources list (the input stops at its heading)');
  return { sources, repaired, missing };
}

/** The link text most often glued to each number (the first one on a tie). */
function linkTexts(citations: readonly Citation[]): Map<number, string> {
  const counts = new Map<number, Map<string, number>>();
  for (const c of citations) {
    if (!c.name) continue;
    const forN = counts.get(c.n) ?? new Map<string, number>();
    forN.set(c.name, (forN.get(c.name) ?? 0) + 1);
    counts.set(c.n, forN);
  }
  const names = new Map<number, string>();
  for (const [n, forN] of counts) {
    const best = [...forN.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) names.set(n, best[0]);
  }
  return names;
}

function positionalMappingHolds(
  cited: readonly number[],
  items: readonly string[],
  citations: readonly Citation[],
  names: ReadonlyMap<number, string>,
): boolean {
  if (items.length === 0 || cited.length === 0) return false;
  if (cited.some((n) => n > items.length)) return false;
  if (items.length === cited.length) return true;
  // More items than cited numbers: every unnamed marker's words must point at its own item.
  return cited
    .filter((n) => !names.has(n))
    .every((n) => {
      const words = keywords(citations.filter((c) => c.n === n).map((c) => c.context).join(' '));
      const overlap = items.map((item) => overlapCount(words, keywords(item)));
      const own = overlap[n - 1] ?? 0;
      return own > 0 && overlap.every((count, i) => i === n - 1 || count < own);
    });
}

function keywords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
}

function overlapCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const w of a) if (b.has(w)) count++;
  return count;
}

/** "…published on the municipal code publisher site" → "Municipal code publisher site", when it names a kind of page. */
function titleFromContext(context: string): string | undefined {
  const phrase = context
    .split(/\b(?:on|in|at|see|the|to|via|from|by|consult|use)\b/i)
    .at(-1)
    ?.replace(/\b(?:referenced|linked|cited|listed) (?:below|above)\b|\b(?:here|below|above)$/g, '')
    .replace(/[^a-z0-9/' -]+/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!phrase || /\bcited\b/i.test(phrase) || phrase.split(' ').length > 6) return undefined;
  if (!/\b(?:code|portal|page|pages|site|statutes?|law|policy|records|ordinances?|clerk|data)\b/i.test(phrase)) return undefined;
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** A source's kind from the words of its title: code, portal, city page, statute, form. */
export function sourceKind(words: string): SourceData['kind'] {
  const text = words.toLowerCase();
  if (/\bstatut|\brsmo\b|\bnrs\b|\brevised code\b|\bpublic information act\b|\bsunshine law\b|\bfoia statute\b/.test(text)) return 'statute';
  if (/\bcode enforcement\b/.test(text)) return 'city-page';
  if (/\bcode\b|\bordinances?\b|\bmunicode\b|\bbylaws?\b|\bcharter\b/.test(text)) return 'municipal-code';
  if (/\bform\b/.test(text)) return 'form';
  if (/\bportal\b|\bopen data\b|\bapi\b|\bdata\.[a-z]|\bhub\b|\bcatalog/.test(text)) return 'portal';
  if (/\brecords?\b|\bclerk\b|\bfoia\b|\bfoil\b|\bright-to-know\b|\bdepartment\b|\boffice\b|\bmanager\b|\battorney\b|\binformation technology\b|\bpages?\b/.test(text)) return 'city-page';
  return 'other';
}
