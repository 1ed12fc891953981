/**
 * The FAQ body: Markdown of what the frontmatter does not hold — the
 * overview, the free sections, and the prose of structured sections (the
 * intro of "Penalties & Enforcement", a forms section with no listed form).
 */
import type { TextLine } from './types.ts';

export interface BodyBlock {
  heading: string;
  lines: readonly TextLine[];
}

/** One `## heading` per block with content, paragraphs and lists as Markdown. */
export function renderBody(blocks: readonly BodyBlock[]): string {
  return blocks
    .filter((block) => block.lines.length > 0)
    .map((block) => `## ${block.heading}\n\n${renderLines(block.lines)}`)
    .join('\n\n');
}

function renderLines(lines: readonly TextLine[]): string {
  const parts: string[] = [];
  let number = 0;
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const text = escapeMarkdown(line.text);
    if (line.mark === 'number') number = previous?.mark === 'number' ? number + 1 : 1;
    const rendered = line.mark === 'bullet' ? `- ${text}` : line.mark === 'number' ? `${number}. ${text}` : text;
    // Items of one list stay together; everything else is its own paragraph.
    const sameList = previous && previous.mark !== 'none' && previous.mark === line.mark;
    parts.push(index === 0 ? rendered : `${sameList ? '\n' : '\n\n'}${rendered}`);
  });
  return parts.join('');
}

/** Plain text must not turn into Markdown it never was: raw HTML, a heading, a list from "1." at a line start. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/</g, '&lt;')
    .replace(/^(#{1,6}\s)/, '\\$1')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2')
    .replace(/^([-+*]\s)/, '\\$1');
}
