/**
 * Assembles the FAQ frontmatter from the parsed parts, in the schema's field
 * order, leaving out what the article does not give (never guessed: no
 * `published` without a header, no `url` on any source).
 */
import type { z } from 'zod';
import { FACET_KEYS, type FacetData, type FacetKey, type faqSchema, type SourceData } from '../../schema/faq.ts';
import type { ParsedEnforcement } from './parse-enforcement.ts';
import type { ParsedForm } from './parse-lists.ts';
import type { ParsedQuestion } from './parse-qa.ts';
import { slugify } from './slugify.ts';

/** The FAQ as written to the file: defaults left out, so files stay short. */
export type FaqInput = z.input<typeof faqSchema>;

export interface FaqParts {
  title: string;
  place: string;
  topic: string;
  category?: string | undefined;
  published?: string | undefined;
  lastReviewed: string;
  readingMinutes?: number | undefined;
  summary: string;
  enforcement?: ParsedEnforcement | undefined;
  forms: readonly ParsedForm[];
  questions: readonly ParsedQuestion[];
  howto: readonly string[];
  takeaways: readonly string[];
  sources: readonly SourceData[];
}

export function toFaq(parts: FaqParts): FaqInput {
  return {
    title: parts.title,
    place: parts.place,
    topic: parts.topic,
    category: parts.category,
    published: parts.published,
    last_reviewed: parts.lastReviewed,
    reading_minutes: parts.readingMinutes,
    summary: parts.summary,
    enforcement: parts.enforcement ? toEnforcement(parts.enforcement) : undefined,
    forms: nonEmpty(parts.forms.map((f) => ({ name: f.name, description: f.description, sources: f.sources }))),
    questions: nonEmpty(parts.questions.map((q) => ({ q: q.q, a: q.a, sources: q.sources }))),
    howto: nonEmpty([...parts.howto]),
    takeaways: nonEmpty([...parts.takeaways]),
    sources: nonEmpty(parts.sources.map((s) => ({ n: s.n, title: s.title, kind: s.kind }))),
  };
}

/** Undefined when the section gave neither an enforcer nor a facet: an empty block says nothing. */
function toEnforcement(parsed: ParsedEnforcement): FaqInput['enforcement'] {
  const facets: Partial<Record<FacetKey, FacetData>> = {};
  for (const key of FACET_KEYS) if (parsed.facets[key]) facets[key] = parsed.facets[key];
  if (!parsed.enforcers_text && Object.keys(facets).length === 0) return undefined;
  return {
    enforcers: nonEmpty(parsed.enforcers.map((e) => ({ contact: e.contact, role: e.role, sources: e.sources }))),
    enforcers_text: parsed.enforcers_text,
    enforcers_sources: nonEmpty(parsed.enforcers_sources),
    ...facets,
  };
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

/** The first sentence of the overview, and the second when the first is short. */
export function summaryOf(paragraph: string): string {
  const sentences = paragraph.split(/(?<=[.!?])\s+(?=[A-Z“"])/);
  const [first = '', second] = sentences;
  return first.length < 140 && second ? `${first} ${second}` : first;
}

/**
 * The topic slug: the title without the place name ("Independence Data
 * Privacy & Open Data Ordinance FAQ" → "data-privacy-open-data-ordinance-faq"),
 * nor the state written after it ("Paradise, NV Open Data…").
 */
export function topicOf(title: string, placeName: string, stateNames: readonly string[]): string {
  const escaped = placeName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]?");
  const states = stateNames.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const without = title
    .replace(new RegExp(String.raw`\b${escaped}(?:,\s*(?:${states}))?\b`, 'i'), ' ')
    .replace(/\s+[-–—:|]\s*$|^\s*[-–—:|]\s+/g, ' ');
  return slugify(without) || slugify(title);
}
