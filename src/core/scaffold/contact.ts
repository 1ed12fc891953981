/**
 * A new office of a place: content/contacts/<place>/<office>.md. Channels
 * (web page, email, phone, address, hours) are left out on purpose: each is
 * added only as a source gives it, never guessed.
 */
import { CONTACT_ROLES } from '../schema/index.ts';
import { checkExistingPlace, checkSlug, listPlaces, slugify, todo, type KindScaffold } from './shared.ts';

export const contactScaffold: KindScaffold = {
  kind: 'contact',
  inputs: [
    { name: 'place', label: 'Place of the office (its slug)', required: true, check: checkExistingPlace, help: listPlaces },
    { name: 'name', label: 'Name of the office, e.g. "City Clerk"', required: true },
    {
      name: 'office',
      label: 'Slug for the file name, e.g. city-clerk',
      required: true,
      fallback: (values) => (values['name'] ? slugify(values['name']) : undefined),
      check: checkSlug,
      help: (values, context) => {
        const offices = context.contacts.filter((c) => c.place === values['place']);
        return offices.length ? [`Offices of ${values['place']} already in the content folder:`, ...offices.map((c) => `  ${c.id}  (${c.name})`)] : [];
      },
    },
    { name: 'role', label: 'What kind of office it is', required: true, choices: CONTACT_ROLES, check: (value) => (CONTACT_ROLES.includes(value as never) ? undefined : `choose one of ${CONTACT_ROLES.join(', ')}`) },
  ],
  build: (values) => ({
    relative: `contacts/${values['place']}/${values['office']}.md`,
    data: {
      name: values['name'],
      role: values['role'],
      place: values['place'],
      handles: [todo('what residents contact this office for, e.g. Public records requests')],
    },
    body: '',
    notes: ['Add channels (url, email, phone, address, hours) only as your source gives them: never guess an address or number.'],
  }),
};
