/**
 * Synthetic articles in the FAQ family's shape, written for these tests (no
 * third-party text): one fictional city, Riverbend, Missouri, and switches for
 * each variation real input shows — header or none, mis-decoded "·", "•" or
 * "-" bullets, blank lines or none, Q/A as lines or bullets, a cut-off end.
 */

export interface ArticleOptions {
  header?: boolean;
  /** Write "·" as the mis-decoded "ยท". */
  mojibake?: boolean;
  bullet?: '•' | '-';
  /** Blank lines between blocks (the header-style pages) or none (the compact pages). */
  blankLines?: boolean;
  qa?: 'lines' | 'bullets';
  /** Enforcement bullets in place of the default ones. */
  enforcement?: readonly string[];
  /** Keep only the first `cutAt` characters, as the real samples do. */
  cutAt?: number;
  /** Leave out sections by heading. */
  without?: readonly string[];
}

export const DEFAULT_ENFORCEMENT = [
  'Enforcer: City Clerk for records requests; Police Department for camera operation [2].',
  'Fines: not specified on the cited page.',
  'Escalation: repeat misuse may lead to suspension of camera access.',
  'Non-monetary sanctions: deletion orders and corrective plans.',
  'Inspection and complaint pathway: write to the City Clerk with the request number.',
  'Appeals and review: not specified on the cited page.',
];

export function riverbendArticle(options: ArticleOptions = {}): string {
  const { header = true, mojibake = false, bullet = '•', blankLines = true, qa = 'lines', enforcement = DEFAULT_ENFORCEMENT } = options;
  const indent = bullet === '•' ? '  ' : '';
  const list = (items: readonly string[]) => items.map((item) => `${indent}${bullet} ${item}`).join('\n');
  const numbered = (items: readonly string[]) => items.map((item, i) => `${indent}${i + 1}. ${item}`).join('\n');
  const dot = mojibake ? 'ยท' : '·';

  const questions: [string, string][] = [
    ['How long does the city keep camera footage?', 'Retention periods are not specified on the cited page [1].'],
    ['Who may ask to see footage?', 'Anyone may ask; the Clerk reviews each request Records Request Page[2].'],
  ];
  const qaText =
    qa === 'lines' ? questions.map(([q, a]) => `${q}\n${a}`).join('\n') : questions.map(([q, a]) => `${bullet} ${q}\n${bullet} ${a}`).join('\n');

  const sections: [string, string][] = [
    [
      'Penalties & Enforcement',
      `The camera rules sit in the general records chapter of the code.[1]\n${list(enforcement)}\nKeep a copy of every letter you send.`,
    ],
    ['Applications & Forms', list(['Footage request form: ask the City Clerk for the current form [2].'])],
    ['FAQ', qaText],
    ['How-To', numbered(['Note the date, time and camera location.', 'Send the request to the City Clerk.'])],
    ['Key Takeaways', list(['Ask the City Clerk first.', 'Keep your request number.'])],
    ['Help and Support / Resources', list(['Riverbend Code of Ordinances', 'City Clerk - Records Requests'])],
  ];

  const blocks = [
    'Riverbend Street Camera Data & Records FAQ',
    ...(header ? [`Technology and Data Missouri 2 Minutes Read ${dot} published April 14, 2026 Flag of Missouri`] : []),
    'This FAQ explains how Riverbend, Missouri handles footage from the citys street cameras and requests to see it. It covers who enforces the rules, what a request needs and where to send it.',
    'Key sources are the city code City Code[1] and the City Clerks request page Records Request Page[2].',
    'Camera Locations',
    'The city lists camera locations on its records page [2].',
    ...sections.filter(([heading]) => !options.without?.includes(heading)).flatMap(([heading, body]) => [heading, body]),
  ];
  const text = blocks.join(blankLines ? '\n\n' : '\n');
  return options.cutAt ? text.slice(0, options.cutAt) : text;
}

/** Offset of a phrase in an article, for cutting it off inside a given section. */
export function offsetOf(text: string, phrase: string): number {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`phrase not in article: ${phrase}`);
  return at;
}
