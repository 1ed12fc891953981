/**
 * Entry of the plain-text FAQ importer: one article's text in, one FAQ
 * (frontmatter + body), its place, the offices it names, a report of what was
 * repaired and what is missing, and diagnostics out. Pure: no file system, so
 * the CLI, the tests and any later tool share it.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { faqSchema, type SourceData } from '../../schema/faq.ts';
import { US_STATES } from '../../schema/common.ts';
import { parseCitations, type Citation } from './citations.ts';
import { trimCutOff } from './cut-off.ts';
import { findPlace } from './find-place.ts';
import { normalizeText } from './normalize-text.ts';
import { parseEnforcement, type ParsedEnforcement } from './parse-enforcement.ts';
import { parseHeader } from './parse-header.ts';
import { parseForms, parseList } from './parse-lists.ts';
import { parseQa } from './parse-qa.ts';
import { parseSources } from './parse-sources.ts';
import { renderBody, type BodyBlock } from './render-body.ts';
import { resourcesForOffice, withResources } from './resources-pointer.ts';
import { splitSections } from './split-sections.ts';
import { summaryOf, toFaq, topicOf } from './to-faq.ts';
import type { ImportedFaqArticle, ImportFaqOptions, Section, SectionKind, TextLine } from './types.ts';

/** Names used in the report for the sections a complete article has. */
const EXPECTED_SECTIONS: ReadonlyArray<readonly [SectionKind, string]> = [
  ['enforcement', 'Penalties & Enforcement'],
  ['forms', 'Applications & Forms'],
  ['faq', 'FAQ'],
  ['howto', 'How-To'],
  ['takeaways', 'Key Takeaways'],
];

/** A line that only points the reader elsewhere in the page ("See the How-To section below…"). */
const NAVIGATION_ONLY = /^see the [\w\s-]+ section (?:below|above)\b/i;

/**
 * Imports one article. `file` names the input in diagnostics; `options.today`
 * becomes `last_reviewed`. Never throws on article text: problems come back as
 * diagnostics, and `faq` is absent only when an error says why.
 */
export function importFaqArticle(text: string, file: string, options: ImportFaqOptions): ImportedFaqArticle {
  const diagnostics: Diagnostic[] = [];
  const normalized = normalizeText(text);
  const repaired = [...normalized.repaired];
  const missing: string[] = [];
  const result = (): ImportedFaqArticle => ({ offices: [], report: { repaired, missing }, diagnostics });

  const top = parseHeader(normalized.lines);
  if (!top.title) {
    diagnostics.push(fatal(file, 1, 'faq-import-empty', 'the file has no text', 'give the article text, title first'));
    return result();
  }
  const title = top.title.text;
  if (!top.header) missing.push('header line (category, reading time, publication date)');
  else if (!top.header.published) missing.push('publication date (the header line gives none)');

  const found = findPlace(title, normalized.lines.map((l) => l.text).join('\n'), top.header?.state, options.knownPlaces);
  if (!found) {
    diagnostics.push(
      fatal(file, top.title.line, 'faq-import-place', 'no place found: the article never writes "<place>, <State>"', 'name the place once as e.g. "Independence, Missouri"', 'place'),
    );
    return result();
  }
  const place = found.place;

  const { lead, sections } = splitSections(top.rest);
  const cutOff = trimCutOff(lead, sections);
  if (cutOff) {
    const where = cutOff.section ? ` (in "${cutOff.section}")` : '';
    missing.push(`end of the article: the input stops mid-sentence at line ${cutOff.line}${where}; left out the cut-off words "${cutOff.words}"`);
    diagnostics.push({
      file, line: cutOff.line, column: 1, rule: 'faq-import-truncated', severity: 'warning',
      message: `the article stops mid-sentence${where}: imported the complete sentences before it`,
      hint: 'import the full article to get the missing sections',
    });
  }
  const citations: Citation[] = [];
  let gluedLinks = 0;
  const cite = (lines: readonly TextLine[]): TextLine[] =>
    lines.map((line) => {
      const parsed = parseCitations(line.text);
      citations.push(...parsed.citations);
      gluedLinks += parsed.citations.filter((c) => c.name).length;
      return { ...line, text: parsed.text };
    });

  const leadLines = cite(lead);
  const cited = sections.map((s): Section => (s.kind === 'resources' ? s : { ...s, lines: cite(s.lines) }));
  if (gluedLinks > 0) repaired.push(`took the link text out of ${gluedLinks} citation(s) ("Name[n]" → " [n]"), kept as source titles`);

  const ofKind = (kind: SectionKind): Section[] => cited.filter((s) => s.kind === kind);
  const linesOf = (kind: SectionKind): TextLine[] => ofKind(kind).flatMap((s) => s.lines);

  for (const [kind, name] of EXPECTED_SECTIONS) {
    const present = ofKind(kind);
    if (present.length === 0) missing.push(`section "${name}"`);
    else if (present.every((s) => s.lines.length === 0)) missing.push(`section "${name}" (the input stops at its heading)`);
  }

  // Enforcement
  let enforcement: ParsedEnforcement | undefined;
  if (ofKind('enforcement').length) {
    enforcement = parseEnforcement(linesOf('enforcement'), file, place.slug, options.knownContacts);
    diagnostics.push(...enforcement.diagnostics);
    missing.push(...enforcement.missing);
  }

  const forms = parseForms(linesOf('forms'));
  const qa = parseQa(linesOf('faq'));
  for (const q of qa.unanswered) missing.push(`answer to the question "${q.q}" (line ${q.line})`);
  const howto = parseList(linesOf('howto'));
  const takeaways = parseList(linesOf('takeaways'));
  const resourcesSections = ofKind('resources');
  const sources = parseSources(citations, resourcesSections.length ? resourcesSections.flatMap((s) => s.lines) : undefined);
  repaired.push(...sources.repaired);
  missing.push(...sources.missing);

  // Overview: the lead plus any "Overview"/"Introduction" section.
  const overviewLines = [...leadLines, ...linesOf('overview')];
  const firstProse = overviewLines.find((l) => l.mark === 'none') ?? cited.flatMap((s) => s.lines).find((l) => l.mark === 'none');
  if (!firstProse) {
    diagnostics.push(fatal(file, top.title.line, 'faq-import-summary', 'no paragraph to take a summary from', 'write an overview paragraph under the title', 'summary'));
    return result();
  }
  if (overviewLines.length === 0) missing.push('overview paragraph (the summary comes from the first paragraph found)');

  const leftovers = new Map<Section, TextLine[]>();
  const navigation: TextLine[] = [];
  const keep = (lines: readonly TextLine[]): TextLine[] =>
    lines.filter((l) => (NAVIGATION_ONLY.test(l.text) ? (navigation.push(l), false) : true));
  for (const section of cited) {
    const only = (pool: readonly TextLine[]) => section.lines.filter((l) => pool.includes(l));
    if (section.kind === 'enforcement') leftovers.set(section, only(enforcement?.bodyLines ?? []));
    else if (section.kind === 'forms') leftovers.set(section, only(forms.leftover));
    else if (section.kind === 'faq') leftovers.set(section, only(qa.leftover));
    else if (section.kind === 'howto') leftovers.set(section, only(howto.leftover));
    else if (section.kind === 'takeaways') leftovers.set(section, only(takeaways.leftover));
    else if (section.kind === 'resources') leftovers.set(section, []);
    else if (section.kind === 'free') leftovers.set(section, section.lines);
  }
  const overviewHeading = ofKind('overview')[0]?.heading ?? 'Overview';
  const blocks: BodyBlock[] = [{ heading: overviewHeading, lines: keep(overviewLines) }];
  for (const section of cited) {
    const lines = leftovers.get(section);
    if (lines) blocks.push({ heading: section.heading, lines: keep(lines) });
  }
  if (navigation.length) repaired.push(`left out ${navigation.length} line(s) that only point to another section`);

  if (enforcement) linkResources(enforcement, sources.sources);
  const questions = qa.questions.map((q) => ({ ...q, sources: withResources(q.sources, q.a, sources.sources) }));
  const formsWithResources = forms.forms.map((f) => ({ ...f, sources: withResources(f.sources, `${f.name} ${f.description ?? ''}`, sources.sources) }));

  const stateNames = [US_STATES[place.state], place.state];
  const data = toFaq({
    title,
    place: place.slug,
    topic: topicOf(title, place.name, stateNames),
    category: top.header?.category,
    published: top.header?.published,
    lastReviewed: options.today,
    readingMinutes: top.header?.readingMinutes,
    summary: summaryOf(firstProse.text),
    enforcement,
    forms: formsWithResources,
    questions,
    howto: howto.items,
    takeaways: takeaways.items,
    sources: sources.sources,
  });

  const checked = faqSchema.safeParse(data);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path.map(String).join('.');
      diagnostics.push({ file, line: 1, column: 1, rule: 'schema', severity: 'error', message: `imported FAQ is invalid: ${issue.message}`, field });
    }
  }

  return {
    place,
    faq: { data, body: renderBody(blocks) },
    offices: enforcement?.offices ?? [],
    report: { repaired, missing },
    diagnostics,
  };
}

/** Adds the Resources items that enforcement sentences point to ("listed in Resources below"). */
function linkResources(enforcement: ParsedEnforcement, all: readonly SourceData[]): void {
  for (const facet of Object.values(enforcement.facets)) facet.sources = withResources(facet.sources, facet.text, all);
  const text = enforcement.enforcers_text;
  if (!text) return;
  enforcement.enforcers_sources = withResources(enforcement.enforcers_sources, text, all);
  for (const enforcer of enforcement.enforcers) {
    const officeSlug = enforcer.contact.split('/')[1] ?? '';
    enforcer.sources = [...new Set([...enforcer.sources, ...resourcesForOffice(text, officeSlug, all)])].sort((a, b) => a - b);
  }
}

function fatal(file: string, line: number, rule: string, message: string, hint: string, field?: string): Diagnostic {
  return { file, line, column: 1, rule, severity: 'error', message, hint, field };
}
