/**
 * The list of the 31 guideline codes in CONTRIBUTING.md, generated from
 * content/guidelines/ so the codes editors read are the codes the validator
 * accepts. `npm run docs:codes` rewrites the block between the markers; a test
 * checks it is in sync.
 */
import { GUIDELINE_CATEGORIES, type GuidelineData } from '../schema/index.ts';

export const CODES_BEGIN = '<!-- BEGIN guideline codes: generated from content/guidelines/ by `npm run docs:codes`; do not edit by hand -->';
export const CODES_END = '<!-- END guideline codes -->';

/** Markdown tables of the codes, one per category, in guideline number order. */
export function guidelineCodesMarkdown(guidelines: readonly Pick<GuidelineData, 'code' | 'number' | 'name' | 'category'>[]): string {
  const sections = GUIDELINE_CATEGORIES.map((category) => {
    const rows = guidelines
      .filter((g) => g.category === category.id)
      .sort((a, b) => a.number - b.number)
      .map((g) => `| ${g.number} | \`g-${g.code}\` | ${g.name.replace(/\|/g, '\\|')} |`);
    return [`**${category.name}**`, '', '| # | Class to tag with | Guideline |', '| --: | --- | --- |', ...rows].join('\n');
  });
  return sections.join('\n\n');
}

/** The document with its generated block replaced; throws when the markers are missing. */
export function withGuidelineCodes(document: string, block: string): string {
  const begin = document.indexOf(CODES_BEGIN);
  const end = document.indexOf(CODES_END);
  if (begin === -1 || end === -1 || end < begin) throw new Error(`markers not found: put "${CODES_BEGIN}" and "${CODES_END}" where the list belongs`);
  return `${document.slice(0, begin + CODES_BEGIN.length)}\n\n${block}\n\n${document.slice(end)}`;
}
