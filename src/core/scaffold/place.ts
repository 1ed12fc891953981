/**
 * A new place: content/places/<slug>.md. The slug follows the Sunlight Hub,
 * "<city>-<usps lower>" (kansas-city-mo), so it is proposed from name and state.
 * Links (portal, municipal code, records requests) are left out: a link is
 * added only when the editor has the real address.
 */
import { PLACE_KINDS, US_STATES } from '../schema/index.ts';
import { checkSlug, compact, slugify, todo, type KindScaffold } from './shared.ts';

const STATE_CODES = Object.keys(US_STATES);

/** "kansas-city-mo" → "MO" when the last part is a state code. */
function stateFromSlug(slug: string | undefined): string | undefined {
  const last = slug?.split('-').at(-1)?.toUpperCase();
  return last && STATE_CODES.includes(last) ? last : undefined;
}

export const placeScaffold: KindScaffold = {
  kind: 'place',
  inputs: [
    { name: 'name', label: 'Official name of the place, e.g. "Kansas City"', required: false, placeholderWhenEmpty: true },
    {
      name: 'state',
      label: 'State, as its two-letter USPS code, e.g. MO',
      required: true,
      fallback: (values) => stateFromSlug(values['place']),
      check: (value) => (STATE_CODES.includes(value) ? undefined : `"${value}" is not a USPS state code in capitals, e.g. "MO"`),
    },
    {
      name: 'place',
      label: 'Slug for the file name: "<name>-<state>", e.g. kansas-city-mo',
      required: true,
      fallback: (values) => (values['name'] && values['state'] ? `${slugify(values['name'])}-${values['state'].toLowerCase()}` : undefined),
      check: checkSlug,
      help: (_values, context) =>
        context.places.length ? ['Places already in the content folder:', ...context.places.map((p) => `  ${p.id}  (${p.name}, ${p.state})`)] : [],
    },
    { name: 'kind', label: 'Kind of place', required: true, choices: PLACE_KINDS, check: (value) => (PLACE_KINDS.includes(value as never) ? undefined : `choose one of ${PLACE_KINDS.join(', ')}`) },
  ],
  build: (values) => ({
    relative: `places/${values['place']}.md`,
    data: compact({
      name: values['name'] || todo('official name of the place, e.g. Kansas City'),
      kind: values['kind'],
      state: values['state'],
    }),
    body: '',
    notes: [
      'Add portal_url, municipal_code_url and records_request_url only when you have the real address.',
      'coordinates (lat, lon) are optional: add them from a reliable source so the place shows on the map.',
    ],
  }),
};
