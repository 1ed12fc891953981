/**
 * The "Penalties & Enforcement" section → the `enforcement` block of an FAQ.
 * Labelled bullets become facets (see the synonym table in
 * enforcement-labels.ts); the Enforcer bullet becomes links to the offices it
 * names; the section's prose and any bullet without a facet stay in the body.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { FacetData, FacetKey } from '../../schema/faq.ts';
import { citedNumbers } from './citations.ts';
import { ruleForLabel, type LabelRule } from './enforcement-labels.ts';
import { findOffices, officeName } from './office-lexicon.ts';
import type { ImportedOffice, KnownContact, TextLine } from './types.ts';

export interface EnforcerLink {
  contact: string;
  role?: string | undefined;
  sources: number[];
}

export interface ParsedEnforcement {
  enforcers: EnforcerLink[];
  enforcers_text?: string | undefined;
  enforcers_sources: number[];
  facets: Partial<Record<FacetKey, FacetData>>;
  /** Offices the Enforcer bullet names that are not yet contacts: the CLI writes them. */
  offices: ImportedOffice[];
  /** Lines that stay in the body: the section's prose and bullets that have no facet. */
  bodyLines: TextLine[];
  diagnostics: Diagnostic[];
  /** Facets the section does not give. */
  missing: string[];
}

/** Facets worth reporting when absent; `timelines` is rarely a bullet of its own. */
const EXPECTED: readonly (FacetKey | 'enforcers')[] = ['enforcers', 'fines', 'escalation', 'sanctions', 'complaints', 'appeals'];

interface LabelledLine {
  rule: LabelRule;
  text: string;
  line: number;
}

/**
 * Reads the enforcement section. `placeSlug` makes contact ids; `knownContacts`
 * are offices already in content/contacts, linked by their exact name first.
 */
export function parseEnforcement(
  lines: readonly TextLine[],
  file: string,
  placeSlug: string,
  knownContacts: readonly KnownContact[] = [],
): ParsedEnforcement {
  const diagnostics: Diagnostic[] = [];
  const labelled: LabelledLine[] = [];
  const bodyLines: TextLine[] = [];

  lines.forEach((line, index) => {
    const found = readLabel(line);
    if (found && found.rule.target !== 'body') {
      labelled.push({ rule: found.rule, text: found.text, line: line.line });
      return;
    }
    const next = lines[index + 1];
    // "Summary of enforcement elements:" only introduced the bullets now in the frontmatter.
    if (line.mark === 'none' && /:\s*$/.test(line.text) && next && readLabel(next)) return;
    if (line.mark !== 'none' && !found) {
      diagnostics.push({
        file, line: line.line, column: 1, rule: 'faq-import-unknown-label', severity: 'warning',
        message: `enforcement bullet without a known label, kept in the body: "${shorten(line.text)}"`,
        hint: 'start the bullet with a label such as "Fines:", "Escalation:", "Enforcer:" or "Appeals and review:"',
      });
    }
    bodyLines.push(line);
  });

  // The page that was checked: the citations of the section's own prose.
  const checkedPage = [...new Set(bodyLines.filter((l) => l.mark === 'none').flatMap((l) => citedNumbers(l.text)))];
  const sourcesOf = (text: string): number[] => {
    const cited = citedNumbers(text);
    return cited.length ? cited : checkedPage;
  };

  const facets: Partial<Record<FacetKey, FacetData>> = {};
  const addFacet = (key: FacetKey, text: string): void => {
    const previous = facets[key];
    const merged = previous ? `${previous.text} ${text}` : text;
    facets[key] = { status: statusOf(merged), text: merged, sources: previous ? [...new Set([...previous.sources, ...sourcesOf(text)])] : sourcesOf(text) };
  };

  let enforcerText: string | undefined;
  for (const { rule, text } of labelled) {
    if (rule.target === 'enforcers') enforcerText = enforcerText ? `${enforcerText} ${text}` : text;
    else addFacet(rule.target as FacetKey, text);
    if (rule.also && !labelled.some((l) => l.rule.target === rule.also)) addFacet(rule.also, text);
  }

  const linked = enforcerText ? linkOffices(enforcerText, placeSlug, knownContacts, checkedPage) : { enforcers: [], offices: [] };
  const missing = EXPECTED.filter((key) => (key === 'enforcers' ? !enforcerText : !facets[key])).map((key) => `enforcement facet "${key}"`);
  for (const [key, facet] of Object.entries(facets)) {
    if (facet.status === 'not-specified' && facet.sources.length === 0) missing.push(`source of the page checked for "${key}" (the article says "not specified" without citing it)`);
  }
  if (enforcerText && linked.enforcers.length === 0) missing.push('an office the lexicon recognises in the Enforcer bullet');

  return {
    enforcers: linked.enforcers,
    enforcers_text: enforcerText,
    enforcers_sources: enforcerText ? sourcesOf(enforcerText) : [],
    facets,
    offices: linked.offices,
    bodyLines,
    diagnostics,
    missing,
  };
}

/** "not-specified" when the bullet says the cited page does not specify the point. */
export function statusOf(text: string): FacetData['status'] {
  return /\bnot\s+(?:specified|stated)\b/i.test(text) ? 'not-specified' : 'stated';
}

/**
 * "Fines: not specified…" → fines. Prose lines count only with a colon label
 * ("Appeals and review: if the City withholds…"); a bullet may also start with
 * its label and no colon ("Non-monetary sanctions may include…").
 */
export function readLabel(line: TextLine): { rule: LabelRule; text: string } | undefined {
  const colon = /^([^:.;]{2,60}?):\s+(.+)$/.exec(line.text);
  if (colon) {
    const [, label = '', rest = ''] = colon;
    const rule = label.split(/\s+/).length <= 7 ? ruleForLabel(label) : undefined;
    if (rule) return { rule, text: capitalise(rest.trim()) };
  }
  if (line.mark === 'none') return undefined;
  const words = line.text.split(/\s+/);
  for (const count of [2, 1]) {
    const rule = ruleForLabel(words.slice(0, count).join(' '));
    if (rule) return { rule, text: capitalise(line.text) };
  }
  return undefined;
}

interface LinkedOffices {
  enforcers: EnforcerLink[];
  offices: ImportedOffice[];
}

/**
 * Links the offices an Enforcer sentence names. What each does ("City Clerk for
 * public-records processes") and what it cites are read from the clauses that
 * name it; an office whose clauses cite nothing gets the page the section
 * checked, not a citation that belongs to another office's clause.
 */
function linkOffices(text: string, placeSlug: string, knownContacts: readonly KnownContact[], fallbackSources: number[]): LinkedOffices {
  const clauses = text.split(/;\s+|(?<=[.!?])\s+(?=[A-Z])/);
  const enforcers: EnforcerLink[] = [];
  const offices: ImportedOffice[] = [];
  const placeContacts = knownContacts.filter((c) => c.id.startsWith(`${placeSlug}/`));

  const knownHits = placeContacts
    .map((contact) => ({ contact, at: text.toLowerCase().indexOf(contact.name.toLowerCase()) }))
    .filter((hit) => hit.at >= 0);
  const mentions = findOffices(text).filter((m) => !knownHits.some((k) => k.contact.id === `${placeSlug}/${m.office.slug}`));

  const officePatterns = [
    ...placeContacts.map((c) => new RegExp(c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')),
    ...findOffices(text).flatMap((m) => m.office.patterns.map((p) => new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`))),
  ];
  const withoutOffices = (fragment: string): string => officePatterns.reduce((rest, p) => rest.replace(p, ' '), fragment);
  const describe = (indexIn: (clause: string) => number) => {
    const own = clauses.map((clause) => ({ clause, at: indexIn(clause) })).filter((c) => c.at >= 0);
    const role = own.map((c) => roleIn(c.clause, c.at, withoutOffices)).find(Boolean);
    const cited = [...new Set(own.flatMap((c) => citedNumbers(c.clause)))];
    return { role, sources: cited.length ? cited : fallbackSources };
  };

  const ordered = [
    ...knownHits.map((k) => ({ at: k.at, id: k.contact.id, indexIn: (c: string) => c.toLowerCase().indexOf(k.contact.name.toLowerCase()), office: undefined })),
    ...mentions.map((m) => ({ at: m.at, id: `${placeSlug}/${m.office.slug}`, indexIn: (c: string) => firstIndex(c, m.office.patterns), office: m.office })),
  ].sort((a, b) => a.at - b.at);

  for (const entry of ordered) {
    const { role, sources } = describe(entry.indexIn);
    enforcers.push({ contact: entry.id, role, sources });
    if (entry.office) {
      offices.push({ slug: entry.office.slug, name: officeName(entry.office, text), role: entry.office.role, handles: role ? [role] : [] });
    }
  }
  return { enforcers, offices };
}

function firstIndex(text: string, patterns: readonly RegExp[]): number {
  const found = patterns.map((p) => p.exec(text)?.index).filter((i): i is number => i !== undefined);
  return found.length ? Math.min(...found) : -1;
}

/**
 * What a clause says the office named at `at` does: "X for <role>" (the first
 * "for" after the office, up to the next office), "<role> are handled through
 * X", "X handles <role>".
 */
function roleIn(clause: string, at: number, withoutOffices: (fragment: string) => string): string | undefined {
  const plain = clause.replace(/\s*\[\d+\]/g, '').replace(/[.;]\s*$/, '');
  const forRole = /\bfor\s+(?!example\b|instance\b)(.+?)(?=\s+and\s+(?:the\s+)?[A-Z]|$)/.exec(plain.slice(at));
  if (forRole) {
    // "City Clerk's Office and City Attorney for enforcement": shared. "City Clerk, IT or Open Data program and the City Attorney for legal enforcement": only the last.
    const between = withoutOffices(plain.slice(at, at + forRole.index)).replace(/\b(?:the|and|office|department)\b|['’]s\b/gi, ' ');
    if (!between.trim()) return tidyRole(forRole[1]);
  }
  const handled = /^(.+?)\s+(?:is|are)\s+handled\s+(?:through|by)\b/i.exec(plain);
  if (handled) return tidyRole(handled[1]);
  const handles = /\bhandles?\s+(.+)$/.exec(plain.slice(at));
  if (handles) return tidyRole(handles[1]);
  return undefined;
}

function tidyRole(role: string | undefined): string | undefined {
  const cleaned = role?.replace(/\s*\(.*?\)/g, '').replace(/[,.;\s]+$/, '').trim();
  if (!cleaned) return undefined;
  // A role is read mid-sentence: "Enforcement and complaints" → "enforcement and complaints", "IT access" stays.
  return /^[A-Z][a-z]/.test(cleaned) ? cleaned.charAt(0).toLowerCase() + cleaned.slice(1) : cleaned;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shorten(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
