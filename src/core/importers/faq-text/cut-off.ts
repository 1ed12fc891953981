/**
 * Most real inputs are the first ~2,000 characters of a page and stop
 * mid-word. The cut-off words are not a claim the article made ("Fines: not
 * specified on the cited" could have gone on "…page, but see state law"), so
 * the last line keeps only its complete sentences, and the rest is reported.
 */
import type { Section, TextLine } from './types.ts';

export interface CutOff {
  /** Line where the input stops. */
  line: number;
  /** The words left out. */
  words: string;
  /** Heading of the section the input stops in; empty in the lead. */
  section: string;
}

/**
 * Trims the last line of the article when it stops mid-sentence, in place.
 * Ending on a heading or on a Resources title is not a cut: neither takes a
 * full stop. Returns what was cut, or undefined when the article ends cleanly.
 */
export function trimCutOff(lead: TextLine[], sections: Section[]): CutOff | undefined {
  const lastSection = sections.at(-1);
  const container = lastSection ? lastSection.lines : lead;
  const last = container.at(-1);
  if (!last) return undefined;
  if (lastSection && lastSection.line > last.line) return undefined;
  if (lastSection?.kind === 'resources' && last.mark !== 'none') return undefined;
  if (/(?:[.!?:]["”’)]?|\[\d+\])\s*$/.test(last.text)) return undefined;

  const complete = /^(.*[.!?]["”’)]?(?:\s*\[\d+\])*)\s+\S[^.!?]*$/.exec(last.text)?.[1];
  const words = complete ? last.text.slice(complete.length).trim() : last.text;
  if (complete) container[container.length - 1] = { ...last, text: complete };
  else container.pop();
  return { line: last.line, words, section: lastSection?.heading ?? '' };
}
