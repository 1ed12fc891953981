/** A place that adopts policies: city, county, state, agency. */
import { z } from 'zod';
import { labelledUrls, slug, text, usState, webUrl } from './common.ts';

/**
 * `local` is a local government whose exact form the source did not record
 * (the Sunlight Hub only says "local"): we do not guess city vs county.
 */
export const PLACE_KINDS = ['city', 'county', 'state', 'agency', 'local'] as const;

export const placeSchema = z.strictObject({
  name: text,
  kind: z.enum(PLACE_KINDS),
  state: usState,
  /** WGS84 point used by the map; absent when no source gave it. */
  coordinates: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  /** Was the place in Bloomberg's What Works Cities programme (from the Sunlight Hub). */
  wwc: z.boolean().optional(),
  portal_url: webUrl.optional(),
  portal_urls: labelledUrls.optional(),
  municipal_code_url: webUrl.optional(),
  records_request_url: webUrl.optional(),
  /** Slug of an enclosing place (a county's state, an agency's city), when it is in content/. */
  parent: slug.optional(),
});
export type PlaceData = z.output<typeof placeSchema>;
export { slug as placeSlug };
