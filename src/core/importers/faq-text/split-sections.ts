/**
 * Cuts the article into sections at its headings. Plain text has no heading
 * markup, so a heading is recognised by shape: a short line that is not a
 * bullet, carries no citation and does not end like a sentence. Known headings
 * ("Penalties & Enforcement", "FAQ", …) are recognised by name in any order.
 */
import type { Section, SectionKind, TextLine } from './types.ts';

/** Heading names of the structured sections, written as `headingKey` returns them. */
const KNOWN_HEADINGS: ReadonlyArray<readonly [SectionKind, readonly string[]]> = [
  ['overview', ['overview', 'introduction', 'summary', 'about']],
  ['enforcement', ['penalties and enforcement', 'enforcement and penalties', 'penalties', 'enforcement']],
  ['forms', ['applications and forms', 'forms and applications', 'applications', 'forms']],
  ['faq', ['faq', 'faqs', 'frequently asked questions']],
  ['howto', ['how to', 'how-to', 'howto', 'step by step', 'steps']],
  ['takeaways', ['key takeaways', 'takeaways']],
  ['resources', ['help and support or resources', 'help and support', 'resources', 'sources', 'references']],
];

/** Lower case, "&" → "and", "/" → "or", punctuation dropped: "Help and Support / Resources" → "help and support or resources". */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\//g, ' or ')
    .replace(/[^a-z0-9\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The kind of section a heading opens: a structured kind when its name is known, else `free`. */
export function sectionKindOf(heading: string): SectionKind {
  const key = headingKey(heading);
  for (const [kind, names] of KNOWN_HEADINGS) if (names.includes(key)) return kind;
  return 'free';
}

/** The kind of a known heading cut off by the end of the input: "Penalties & " or "Penalties & Enforce". */
function truncatedKnownKind(text: string): SectionKind | undefined {
  const key = headingKey(text);
  if (key.length < 3) return undefined;
  return KNOWN_HEADINGS.find(([, names]) => names.some((name) => name.startsWith(key)))?.[0];
}

/** Shape of a heading line, whatever its name. */
function looksLikeHeading(line: TextLine): boolean {
  const text = line.text;
  if (line.mark !== 'none') return false;
  if (text.length > 90 || text.split(/\s+/).length > 12) return false;
  if (/\[\d+\]/.test(text)) return false;
  if (/[.,;:!]["”’)]?$/.test(text)) return false;
  if (/:\s/.test(text)) return false;
  return /^[A-Z0-9“"']/.test(text);
}

export interface SplitSections {
  /** Text before the first heading: the article's lead, part of the overview. */
  lead: TextLine[];
  sections: Section[];
}

/**
 * Splits lines into the lead and sections. Inside an FAQ section a short line
 * ending in "?" is a question, not a heading, unless it names a known section.
 */
export function splitSections(lines: readonly TextLine[]): SplitSections {
  const lead: TextLine[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;

  lines.forEach((line, index) => {
    const next = lines[index + 1];
    const previous = current?.lines.at(-1);
    if (isHeading(line, next, current?.kind, previous)) {
      const kind = next ? sectionKindOf(line.text) : (truncatedKnownKind(line.text) ?? sectionKindOf(line.text));
      current = { kind, heading: line.text.trim(), line: line.line, lines: [] };
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      lead.push(line);
    }
  });
  return { lead, sections };
}

function isHeading(line: TextLine, next: TextLine | undefined, inside: SectionKind | undefined, previous: TextLine | undefined): boolean {
  if (line.mark !== 'none') return false;
  const known = sectionKindOf(line.text) !== 'free';
  if (!next) return known || truncatedKnownKind(line.text) !== undefined;
  if (known && looksLikeHeading(line)) return true;
  if (!looksLikeHeading(line)) return false;
  // In an FAQ, a question and a short answer without a full stop both look like headings.
  if (inside === 'faq' && (/\?\s*$/.test(line.text) || (previous && /\?\s*$/.test(previous.text)))) return false;
  return true;
}
