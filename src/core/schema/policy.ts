/**
 * A policy in the Sunlight Hub's format: every key the Hub uses, plus a title.
 * The body is Markdown/HTML whose passages are tagged with <span class="g-CODE">.
 */
import { z } from 'zod';
import { isoDate, labelledUrls, slug, text, webUrl } from './common.ts';

/** Sunlight's assistance codes (from the Hub's _data/sunlight-assist-types.json). */
export const SUNLIGHT_ASSIST = {
  wwc: 'Sunlight formal What Works Cities engagement',
  wizard: "Used Sunlight's Open Data Policy Wizard, without formal engagement",
  nonwwc: 'Sunlight informal advice during the What Works Cities programme',
  prewwc: 'Sunlight assistance before the What Works Cities programme',
  didnt: 'No known Sunlight assistance',
} as const;
export type SunlightAssist = keyof typeof SUNLIGHT_ASSIST;

export const policySchema = z
  .strictObject({
    title: text,
    place: slug,
    year: z.number().int().min(1900).max(2100),
    /** Absent where only the year is known. */
    date: isoDate.optional(),
    legal_custom: text,
    sunlight: z.union([z.boolean(), z.enum(Object.keys(SUNLIGHT_ASSIST) as [SunlightAssist, ...SunlightAssist[]])]),
    policy_url: webUrl.optional(),
    policy_urls: labelledUrls.optional(),
    press_url: webUrl.optional(),
    note: text.optional(),
    /** The Hub has no text of this policy: the body is empty on purpose. */
    no_text: z.boolean().optional(),
    /** Id of the earlier policy of the same place that this one replaces. */
    replaces: z.string().optional(),
    /** Offices (contact ids, "place/office") the policy charges with oversight. */
    contacts: z.array(z.string()).optional(),
  })
  .refine((p) => !p.date || Number(p.date.slice(0, 4)) === p.year, {
    error: 'year and date disagree',
    path: ['year'],
  });
export type PolicyData = z.output<typeof policySchema>;
