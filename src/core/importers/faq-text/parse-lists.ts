/**
 * The list sections: How-To (steps), Key Takeaways (points) and Applications
 * & Forms (named forms). Items are the bulleted or numbered lines; prose around
 * them is handed back so the body keeps it.
 */
import { citedNumbers } from './citations.ts';
import type { TextLine } from './types.ts';

export interface ParsedList {
  items: string[];
  leftover: TextLine[];
}

/** Bulleted or numbered lines are items; a section with no marks at all has no items. */
export function parseList(lines: readonly TextLine[]): ParsedList {
  const items: string[] = [];
  const leftover: TextLine[] = [];
  for (const line of lines) {
    if (line.mark === 'none') leftover.push(line);
    else items.push(line.text);
  }
  return { items, leftover };
}

export interface ParsedForm {
  name: string;
  description?: string | undefined;
  sources: number[];
}

/**
 * "Public records request form: use the City Clerk open records form…" →
 * { name, description }. A bullet without a label is a form named by its
 * whole text. Prose that names no form stays in the body: a form is never
 * made up from a sentence such as "a written request is generally accepted".
 */
export function parseForms(lines: readonly TextLine[]): { forms: ParsedForm[]; leftover: TextLine[] } {
  const { items, leftover } = parseList(lines);
  const forms = items.map((item): ParsedForm => {
    const labelled = /^([^:]{2,80}?):\s+(.+)$/.exec(item);
    const sources = citedNumbers(item);
    if (labelled) {
      const description = (labelled[2] ?? '').trim();
      return { name: (labelled[1] ?? '').trim(), description: description.charAt(0).toUpperCase() + description.slice(1), sources };
    }
    return { name: item, sources };
  });
  return { forms, leftover };
}
