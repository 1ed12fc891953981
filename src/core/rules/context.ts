/** What every cross-entity rule gets: the documents by kind, once. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BodyRecord, ContactDoc, ContentDoc, FaqDoc, GuidelineDoc, PlaceDoc, PolicyDoc } from '../load/load-content.ts';
import { lineOfField } from '../load/frontmatter.ts';
import { extractPassages, type Passage } from '../passages/extract.ts';

export interface RuleContext {
  guidelines: GuidelineDoc[];
  places: PlaceDoc[];
  contacts: ContactDoc[];
  policies: PolicyDoc[];
  faqs: FaqDoc[];
  codes: ReadonlySet<string>;
  /** YYYY-MM-DD the check runs "as of": fixed in tests, today otherwise. */
  today: string;
  /** Every readable body, including those of files whose frontmatter failed the schema. */
  bodies: BodyRecord[];
  /** Passages and span problems of every policy and FAQ body, extracted once (key: file). */
  extraction: Map<string, { passages: Passage[]; diagnostics: Diagnostic[] }>;
}

export type Rule = (context: RuleContext) => Diagnostic[];

/**
 * `codes` defaults to those of the guidelines among `documents`; a worker that
 * checks a share of the files without the guidelines is given them.
 */
export function ruleContext(documents: readonly ContentDoc[], today: string, bodies: readonly BodyRecord[] = documents, knownCodes?: ReadonlySet<string>): RuleContext {
  const of = <K extends ContentDoc['kind']>(kind: K) => documents.filter((d): d is Extract<ContentDoc, { kind: K }> => d.kind === kind);
  const guidelines = of('guideline');
  const codes = knownCodes ?? new Set(guidelines.map((g) => g.data.code));
  const extraction = new Map<string, { passages: Passage[]; diagnostics: Diagnostic[] }>();
  for (const doc of bodies.filter((b) => b.kind === 'policy' || b.kind === 'faq')) {
    extraction.set(doc.file, doc.body.includes('<') ? extractPassages(doc.body, { policy: doc.id, file: doc.file, codes, bodyLine: doc.bodyLine }) : { passages: [], diagnostics: [] });
  }
  return {
    guidelines,
    places: of('place'),
    contacts: of('contact'),
    policies: of('policy'),
    faqs: of('faq'),
    codes,
    today,
    bodies: [...bodies],
    extraction,
  };
}

/** A diagnostic located at a frontmatter field of a document. */
export function atField(
  doc: ContentDoc,
  path: readonly PropertyKey[],
  rest: Omit<Diagnostic, 'file' | 'line' | 'column' | 'field'>,
): Diagnostic {
  return { file: doc.file, line: lineOfField(doc.fieldLines, path), column: 1, field: path.map(String).join('.'), ...rest };
}
