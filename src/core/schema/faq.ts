/**
 * A plain-language guide for residents about one city's rules. Every claim
 * points to numbered `sources`; "not specified on the cited page" is a status
 * of its own, never an absent field.
 */
import { z } from 'zod';
import { isoDate, slug, sourceRefs, text, webUrl } from './common.ts';

export const SOURCE_KINDS = ['municipal-code', 'city-page', 'portal', 'statute', 'form', 'news', 'other'] as const;

export const sourceSchema = z.strictObject({
  n: z.number().int().positive(),
  title: text,
  kind: z.enum(SOURCE_KINDS).default('other'),
  /** Absent when the article named the source without a link: never guessed. */
  url: webUrl.optional(),
  /** The date the page was last checked by an editor, when known. */
  accessed: isoDate.optional(),
});

/**
 * One enforcement facet. `not-specified` records that the cited page was
 * checked and says nothing on the point: `sources` names the page checked.
 */
export const FACET_STATUS = ['stated', 'not-specified'] as const;
export const facetSchema = z.strictObject({
  status: z.enum(FACET_STATUS),
  text: text,
  sources: sourceRefs,
});
export type FacetData = z.output<typeof facetSchema>;

/** The facets shown in the enforcement summary and the gap report, in display order. */
export const FACET_KEYS = ['fines', 'escalation', 'sanctions', 'complaints', 'appeals', 'timelines'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export const FACET_LABELS: Record<FacetKey | 'enforcers', string> = {
  enforcers: 'Who enforces',
  fines: 'Fines',
  escalation: 'Escalation',
  sanctions: 'Non-monetary sanctions',
  complaints: 'Complaints and inspection',
  appeals: 'Appeals and review',
  timelines: 'Time limits',
};

export const enforcerSchema = z.strictObject({
  /** Contact id "place/office" of an office in content/contacts. */
  contact: z.string().min(1),
  /** What this office does in enforcement, in the article's words. */
  role: text.optional(),
  sources: sourceRefs,
});

export const enforcementSchema = z.strictObject({
  enforcers: z.array(enforcerSchema).default([]),
  /** The article's own sentence about who enforces, kept whole. */
  enforcers_text: text.optional(),
  enforcers_sources: sourceRefs,
  fines: facetSchema.optional(),
  escalation: facetSchema.optional(),
  sanctions: facetSchema.optional(),
  complaints: facetSchema.optional(),
  appeals: facetSchema.optional(),
  timelines: facetSchema.optional(),
});

export const faqSchema = z.strictObject({
  title: text,
  place: slug,
  topic: slug,
  /** Section label of the source article, e.g. "Technology and Data". */
  category: text.optional(),
  /** Publication date of the article the FAQ was drawn from; absent when it gave none. */
  published: isoDate.optional(),
  /** Last time an editor checked the FAQ against its sources; drives the stale notice. */
  last_reviewed: isoDate,
  reading_minutes: z.number().int().positive().optional(),
  summary: text,
  enforcement: enforcementSchema.optional(),
  forms: z
    .array(z.strictObject({ name: text, description: text.optional(), url: webUrl.optional(), sources: sourceRefs }))
    .default([]),
  questions: z.array(z.strictObject({ q: text, a: text, sources: sourceRefs })).default([]),
  howto: z.array(text).default([]),
  takeaways: z.array(text).default([]),
  sources: z.array(sourceSchema).default([]),
  /** Policies (ids) this FAQ explains, for cross-links. */
  policies: z.array(z.string()).default([]),
});
export type FaqData = z.output<typeof faqSchema>;
export type SourceData = z.output<typeof sourceSchema>;
