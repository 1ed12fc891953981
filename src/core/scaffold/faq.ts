/**
 * A new resident FAQ: content/faqs/<place>/<topic>.md, reviewed today. It has
 * one numbered source, cited as [1], and one question, all placeholders, so
 * the shape of citations is on the page. Offices named with --contacts become
 * the enforcers. Enforcement facets (fines, appeals, …) are left out: writing
 * "not specified on the cited page" is a claim the editor makes after reading
 * the page, not a default.
 */
import { checkContactList, checkExistingPlace, checkSlug, compact, listContacts, listPlaces, splitList, todo, type KindScaffold } from './shared.ts';

export const faqScaffold: KindScaffold = {
  kind: 'faq',
  inputs: [
    { name: 'place', label: 'Place the FAQ is about (its slug)', required: true, check: checkExistingPlace, help: listPlaces },
    {
      name: 'topic',
      label: 'Topic slug for the file name, e.g. public-records',
      required: true,
      check: checkSlug,
      help: () => ['One FAQ per topic and place: the file is faqs/<place>/<topic>.md.'],
    },
    { name: 'title', label: 'Title, e.g. "Springfield public records FAQ"', required: false, placeholderWhenEmpty: true },
    {
      name: 'contacts',
      label: 'Offices that enforce these rules (contact ids, optional)',
      required: false,
      check: checkContactList,
      help: listContacts,
    },
  ],
  build: (values, context) => {
    const enforcers = splitList(values['contacts']).map((contact) => ({
      contact,
      role: todo('what this office does, as source [1] says'),
      sources: [1],
    }));
    return {
      relative: `faqs/${values['place']}/${values['topic']}.md`,
      data: compact({
        title: values['title'] || todo('title, e.g. Springfield public records FAQ'),
        place: values['place'],
        topic: values['topic'],
        last_reviewed: context.today,
        summary: todo('one or two plain sentences for residents, citing the source like this [1]'),
        enforcement: enforcers.length ? { enforcers } : undefined,
        questions: [{ q: todo('a question residents ask'), a: todo('the answer, citing its source [1]'), sources: [1] }],
        sources: [{ n: 1, title: todo('title of the page you checked') }],
      }),
      body: `## Overview\n\n${todo('explain the rules in plain words; end each claim with its source number, like [1].')}`,
      notes: [
        'Give source 1 its url (the page you checked) and kind (municipal-code, city-page, portal, statute, form, news or other).',
        'Add more sources as n: 2, 3, …; every [n] must match one of them.',
        'last_reviewed is today: change it whenever you check the sources again.',
      ],
    };
  },
};
