/**
 * Words for a policy's frontmatter facts, shared by the policy pages and lists.
 */
import { SUNLIGHT_ASSIST, type PolicyData, type SunlightAssist } from '../../core/index.ts';

/** "Sunlight assistance" in words: the Hub's label for a code, yes or no for a plain true/false. */
export function sunlightAssistance(value: boolean | SunlightAssist): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return SUNLIGHT_ASSIST[value];
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** Each date formatted once: lists and their page plans format the same few thousand dates again and again (Intl is slow). */
const formatted = new Map<string, string>();

/** "2016-03-15" → "March 15, 2016" (read as a calendar date, never shifted by a time zone). */
export function formatDate(iso: string): string {
  let text = formatted.get(iso);
  if (text === undefined) formatted.set(iso, (text = DATE_FORMAT.format(new Date(`${iso}T00:00:00Z`))));
  return text;
}

/** When the policy was adopted, in words: its date, or its year when only that is known. */
export function adoptedText(data: Pick<PolicyData, 'date' | 'year'>): string {
  return data.date ? formatDate(data.date) : String(data.year);
}

export interface DocumentLink {
  label: string;
  href: string;
}

/** Links to the original text and the press release, labelled as the source labelled them. */
export function documentLinks(data: Pick<PolicyData, 'policy_url' | 'policy_urls' | 'press_url'>): DocumentLink[] {
  const links: DocumentLink[] = [];
  if (data.policy_url) links.push({ label: 'Original document', href: data.policy_url });
  for (const [label, href] of Object.entries(data.policy_urls ?? {})) links.push({ label, href });
  if (data.press_url) links.push({ label: 'Press release', href: data.press_url });
  return links;
}

/** "1 passage", "3 passages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
