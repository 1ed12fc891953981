/** An office of a place that residents can reach: City Clerk, City Attorney, … */
import { z } from 'zod';
import { slug, text, webUrl } from './common.ts';

export const CONTACT_ROLES = [
  'clerk', 'attorney', 'manager', 'information-technology', 'code-enforcement', 'police',
  'records', 'privacy', 'department', 'court', 'other',
] as const;

export const contactSchema = z.strictObject({
  name: text,
  role: z.enum(CONTACT_ROLES),
  place: slug,
  /** Each channel only when a source gave it: never guessed. */
  channels: z
    .strictObject({
      url: webUrl.optional(),
      email: z.email().optional(),
      phone: z.string().regex(/^[0-9+()\-. ]{7,}$/, 'write digits, spaces and ()-.+ only').optional(),
      address: text.optional(),
      hours: text.optional(),
    })
    .default({}),
  /** What the office handles, in plain words. */
  handles: z.array(text).default([]),
});
export type ContactData = z.output<typeof contactSchema>;
