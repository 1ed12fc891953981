/**
 * Field types shared by every entity schema. One definition per field shape,
 * so a date or a slug means the same thing in a policy, an FAQ and a place.
 */
import { z } from 'zod';

/** Lower-case kebab slug: the only form ids and file names take. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens, e.g. "kansas-city-mo"');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `${value}T00:00:00Z` is a date that prints back as `value`: the test
 * the schema has always made. For YYYY-MM-DD (every date that passes the
 * format check) it is answered by arithmetic, ~10× faster than constructing
 * and printing a Date (tens of thousands of dates per build); anything else
 * (it also reaches this check, after the format error) still takes the Date
 * path. tests/core/schema-speed.test.ts compares the two.
 */
export function isCalendarDate(value: string): boolean {
  if (ISO_DATE.test(value)) {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7));
    const day = Number(value.slice(8, 10));
    if (month < 1 || month > 12 || day < 1) return false;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Calendar date written YYYY-MM-DD. YAML is parsed with the 1.2 core schema, so
 * dates arrive as strings; a real calendar check rejects 2026-02-30.
 */
export const isoDate = z
  .string()
  .regex(ISO_DATE, 'write the date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

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
