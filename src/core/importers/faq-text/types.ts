/**
 * Shapes passed between the steps of the plain-text FAQ importer. Every line
 * keeps its 1-based line number in the input, so any later step can report
 * a diagnostic that points at the text an editor has to look at.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { FaqInput } from './to-faq.ts';
import type { ContactData } from '../../schema/contact.ts';
import type { PlaceData } from '../../schema/place.ts';

/** How a line was marked in the input: a bullet ("•", "-", "*"), a number ("1."), or plain prose. */
export type LineMark = 'bullet' | 'number' | 'none';

/** One non-empty line of the input after normalisation. */
export interface TextLine {
  /** 1-based line in the input file. */
  line: number;
  /** The text without its bullet or number, trimmed. */
  text: string;
  mark: LineMark;
}

/** The kinds of section the importer structures; everything else is `free` and goes to the body. */
export type SectionKind = 'overview' | 'enforcement' | 'forms' | 'faq' | 'howto' | 'takeaways' | 'resources' | 'free';

export interface Section {
  kind: SectionKind;
  /** The heading as written; empty for the lead text before the first heading. */
  heading: string;
  /** Line of the heading (or of the first line, for the lead). */
  line: number;
  lines: TextLine[];
}

/** A place a FAQ can belong to, as known from content/places or found in the text. */
export interface KnownPlace {
  slug: string;
  name: string;
  /** USPS code, e.g. "MO". */
  state: string;
}

/** An office already present in content/contacts. */
export interface KnownContact {
  /** Contact id "place/office". */
  id: string;
  name: string;
}

export interface ImportFaqOptions {
  /** Date of this import, YYYY-MM-DD: becomes `last_reviewed`. */
  today: string;
  /** Places already in the content, so an article about one reuses its slug and name. */
  knownPlaces?: readonly KnownPlace[] | undefined;
  /** Offices already in the content, so enforcers link to them before the lexicon names new ones. */
  knownContacts?: readonly KnownContact[] | undefined;
}

/** The place an article is about, as the importer found it. */
export interface ImportedPlace {
  slug: string;
  name: string;
  state: PlaceData['state'];
  /** `city` only when the text calls it one; never guessed from the name. */
  kind: PlaceData['kind'];
}

/** An office named as an enforcer: becomes content/contacts/<place>/<slug>.md when absent. */
export interface ImportedOffice {
  slug: string;
  name: string;
  role: ContactData['role'];
  handles: string[];
}

export interface ImportReport {
  /** What the importer changed in the text to read it (mojibake, apostrophes, citation styles). */
  repaired: string[];
  /** What the article does not give (sections cut off, facets absent, unnamed sources). */
  missing: string[];
}

export interface ImportedFaqArticle {
  /** Absent only when a fatal diagnostic (error) says why. */
  place?: ImportedPlace | undefined;
  faq?: { data: FaqInput; body: string } | undefined;
  offices: ImportedOffice[];
  report: ImportReport;
  diagnostics: Diagnostic[];
}
