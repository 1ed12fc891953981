import type { SOURCE_KINDS } from '../../core/schema/faq.ts';

/** How each kind of numbered source is named in a guide's source list. */
export const SOURCE_KIND_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  'municipal-code': 'Municipal code',
  'city-page': 'City web page',
  portal: 'Data portal',
  statute: 'State law',
  form: 'Form',
  news: 'News report',
  other: 'Other source',
};
