/**
 * The one content model. Astro's content config, the validator, the importers
 * and the JSON Schema export all take their schemas from here.
 */
import { contactSchema } from './contact.ts';
import { faqSchema } from './faq.ts';
import { guidelineSchema } from './guideline.ts';
import { placeSchema } from './place.ts';
import { policySchema } from './policy.ts';

export const ENTITY_KINDS = ['guideline', 'place', 'contact', 'policy', 'faq'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Folder under content/ that holds each kind. */
export const KIND_FOLDERS: Record<EntityKind, string> = {
  guideline: 'guidelines',
  place: 'places',
  contact: 'contacts',
  policy: 'policies',
  faq: 'faqs',
};

export const schemas = {
  guideline: guidelineSchema,
  place: placeSchema,
  contact: contactSchema,
  policy: policySchema,
  faq: faqSchema,
} as const;

export * from './common.ts';
export * from './contact.ts';
export * from './faq.ts';
export * from './guideline.ts';
export * from './place.ts';
export * from './policy.ts';
