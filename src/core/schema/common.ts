/**
 * Field types shared by every entity schema. One definition per field shape,
 * so a date or a slug means the same thing in a policy, an FAQ and a place.
 */
import { z } from 'zod';

/** Lower-case kebab slug: the only form ids and file names take. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens, e.g. "kansas-city-mo"');

/**
 * Calendar date written YYYY-MM-DD. YAML is parsed with the 1.2 core schema, so
 * dates arrive as strings; a real calendar check rejects 2026-02-30.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a calendar date');

/** Only web links: http(s). Anything else (javascript:, data:, file:) is refused. */
export const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });

/** USPS codes of the states, DC and the inhabited territories. */
export const US_STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota',
  OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina',
  SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia',
  WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico',
  GU: 'Guam', VI: 'U.S. Virgin Islands', AS: 'American Samoa', MP: 'Northern Mariana Islands',
} as const;
export type UsStateCode = keyof typeof US_STATES;
export const usState = z.enum(Object.keys(US_STATES) as [UsStateCode, ...UsStateCode[]], {
  error: 'expected a two-letter USPS state code in capitals, e.g. "MO"',
});

/** A label → URL map, as the Sunlight Hub writes `policy_urls` and `portal_urls`. */
export const labelledUrls = z.record(z.string().min(1), webUrl);

/** Non-empty text after trimming. */
export const text = z.string().trim().min(1, 'must not be empty');

/** Source numbers cited by a claim: each must match a numbered source of the same file. */
export const sourceRefs = z.array(z.number().int().positive()).default([]);
