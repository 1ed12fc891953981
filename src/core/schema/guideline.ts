/**
 * The 31 Sunlight Open Data Policy Guidelines. Number, code, name and category
 * are Sunlight's facts; `summary` (and the body) are this project's own words.
 */
import { z } from 'zod';
import { slug, text } from './common.ts';

export const GUIDELINE_CATEGORIES = [
  { id: 'what-data-should-be-public', name: 'What data should be public' },
  { id: 'how-to-make-data-public', name: 'How to make data public' },
  { id: 'how-to-implement-policy', name: 'How to implement policy' },
] as const;
export type GuidelineCategoryId = (typeof GUIDELINE_CATEGORIES)[number]['id'];

export const guidelineCategory = z.enum(
  GUIDELINE_CATEGORIES.map((c) => c.id) as [GuidelineCategoryId, ...GuidelineCategoryId[]],
);

export const guidelineSchema = z.strictObject({
  code: slug,
  number: z.number().int().min(1).max(31),
  name: text,
  category: guidelineCategory,
  /** One or two sentences, our own words, shown in legends and on the index. */
  summary: text,
});
export type GuidelineData = z.output<typeof guidelineSchema>;
