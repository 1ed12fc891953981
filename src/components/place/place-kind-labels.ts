import type { PLACE_KINDS } from '../../core/schema/place.ts';

/** The kind of a place in words; "local" is what the Sunlight Hub records when it did not say which. */
export const PLACE_KIND_LABELS: Record<(typeof PLACE_KINDS)[number], string> = {
  city: 'City',
  county: 'County',
  state: 'State government',
  agency: 'Agency',
  local: 'Local government',
};
