/**
 * What the parts of a long policy's text are called in their navigation:
 * "Part 2: II. Definitions – IV. Procedure", from the headings each part holds.
 */
import { decodeEntities } from '../../core/passages/plain-text.ts';
import type { RenderedBody } from '../../core/render/render-body.ts';

export interface PartLabel {
  part: number;
  /** The part's first and last top-level headings; without a heading, its opening words, quoted. */
  first: string;
  last: string;
}

const OPENING_WORDS = 8;

/** The first words of a part's text, for a part that holds no heading. */
function openingWords(html: string): string {
  const words = decodeEntities(html.slice(0, 2_000).replace(/<[^>]*>/g, ' ')).split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  return `“${words.slice(0, OPENING_WORDS).join(' ')}${words.length > OPENING_WORDS ? ' …' : ''}”`;
}

export function partLabels(parts: readonly RenderedBody[]): PartLabel[] {
  return parts.map((body, i) => {
    const top = body.toc.filter((entry) => entry.depth === 2);
    const headings = top.length ? top : body.toc;
    if (!headings.length) return { part: i + 1, first: openingWords(body.html), last: '' };
    return { part: i + 1, first: headings[0]!.text, last: headings.length > 1 ? headings.at(-1)!.text : '' };
  });
}
