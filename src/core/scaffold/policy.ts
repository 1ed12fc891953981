/**
 * A new policy: content/policies/<place>-<date or year>.md, the Sunlight Hub's
 * id. The date is the adoption date, so it is asked for, never today's date.
 * The link to the adopted text is left out until the editor has it (the
 * validator warns: policy-source), and the body is one placeholder line.
 */
import { isoDate, SUNLIGHT_ASSIST } from '../schema/index.ts';
import { checkContactList, checkExistingPlace, compact, listContacts, listPlaces, splitList, todo, type KindScaffold } from './shared.ts';

const SUNLIGHT_CHOICES = ['true', 'false', ...Object.keys(SUNLIGHT_ASSIST)];

function checkYear(value: string, values: Record<string, string | undefined>): string | undefined {
  if (!/^\d{4}$/.test(value) || Number(value) < 1900 || Number(value) > 2100) return `"${value}" is not a year between 1900 and 2100`;
  const date = values['date'];
  return date && !date.startsWith(value) ? `the year ${value} disagrees with the date ${date}` : undefined;
}

export const policyScaffold: KindScaffold = {
  kind: 'policy',
  inputs: [
    { name: 'place', label: 'Place that adopted the policy (its slug)', required: true, check: checkExistingPlace, help: listPlaces },
    {
      name: 'date',
      label: 'Date the policy was adopted, YYYY-MM-DD (leave empty if you only know the year)',
      required: false,
      check: (value) => (isoDate.safeParse(value).success ? undefined : `"${value}" is not a date written YYYY-MM-DD`),
    },
    { name: 'year', label: 'Year the policy was adopted', required: true, fallback: (values) => values['date']?.slice(0, 4), check: checkYear },
    { name: 'title', label: 'Title of the policy as adopted', required: false, placeholderWhenEmpty: true },
    {
      name: 'sunlight',
      label: 'Did the Sunlight Foundation help? (didnt = no known assistance)',
      required: true,
      choices: SUNLIGHT_CHOICES,
      fallback: () => 'didnt',
      check: (value) => (SUNLIGHT_CHOICES.includes(value) ? undefined : `choose one of ${SUNLIGHT_CHOICES.join(', ')}`),
    },
    {
      name: 'contacts',
      label: 'Offices the policy charges with oversight (contact ids, optional)',
      required: false,
      check: checkContactList,
      help: listContacts,
    },
  ],
  build: (values) => {
    const sunlight = values['sunlight'] === 'true' ? true : values['sunlight'] === 'false' ? false : values['sunlight'];
    const contacts = splitList(values['contacts']);
    return {
      relative: `policies/${values['place']}-${values['date'] ?? values['year']}.md`,
      data: compact({
        title: values['title'] || todo('title of the policy as adopted'),
        place: values['place'],
        year: Number(values['year']),
        date: values['date'] || undefined,
        legal_custom: todo('legal form, e.g. Ordinance, Resolution, Executive Order, Administrative Policy'),
        sunlight,
        contacts: contacts.length ? contacts : undefined,
      }),
      body: todo('paste the adopted text here as Markdown, then tag each passage that meets a guideline with a g- span (see CONTRIBUTING.md).'),
      notes: [
        'Add policy_url: the address where the adopted text is published (the validator warns until it is there).',
        'If the text is not available anywhere, delete the body and set no_text: true.',
      ],
    };
  },
};
