/**
 * Sunlight's guideline facts (number, code, name, section) against the
 * project's content/guidelines. Sunlight's descriptions are never imported —
 * their text is CC BY and the project writes its own — but the facts must
 * agree, or passages would be filed under the wrong guideline.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

export interface GuidelineFacts {
  file: string;
  code: unknown;
  number: unknown;
  name: unknown;
  /** Hub `section` or project `category`: the same three ids. */
  category: unknown;
  line: (field: string) => number;
}

/** Names compared as a reader sees them: whitespace and quote styles do not count. */
function sameName(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => String(v).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * Warnings (rule "guideline-mismatch") for every code missing on one side and
 * every number, name or category that differs, pointed at the project file.
 */
export function compareGuidelines(hub: readonly GuidelineFacts[], project: readonly GuidelineFacts[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const projectByCode = new Map(project.map((g) => [String(g.code), g]));
  const hubCodes = new Set(hub.map((g) => String(g.code)));
  for (const theirs of hub) {
    const ours = projectByCode.get(String(theirs.code));
    if (!ours) {
      diagnostics.push({
        file: theirs.file, line: theirs.line('code'), column: 1, rule: 'guideline-mismatch', severity: 'warning', field: 'code',
        message: `Sunlight guideline ${String(theirs.number)} "${String(theirs.code)}" has no file in the project's guidelines`,
        hint: `add guidelines/${String(theirs.code)}.md`,
      });
      continue;
    }
    const fields: Array<[field: 'number' | 'name' | 'category', ourField: string, same: boolean]> = [
      ['number', 'number', ours.number === theirs.number],
      ['name', 'name', sameName(ours.name, theirs.name)],
      ['category', 'category', ours.category === theirs.category],
    ];
    for (const [field, ourField, same] of fields) {
      if (same) continue;
      diagnostics.push({
        file: ours.file, line: ours.line(ourField), column: 1, rule: 'guideline-mismatch', severity: 'warning', field: ourField,
        message: `${ourField} is ${JSON.stringify(ours[field])} but Sunlight's ${field === 'category' ? 'section' : field} for "${String(theirs.code)}" is ${JSON.stringify(theirs[field])} (${theirs.file})`,
      });
    }
  }
  for (const ours of project) {
    if (hub.length > 0 && !hubCodes.has(String(ours.code))) {
      diagnostics.push({
        file: ours.file, line: ours.line('code'), column: 1, rule: 'guideline-mismatch', severity: 'warning', field: 'code',
        message: `"${String(ours.code)}" is not one of Sunlight's guideline codes`,
      });
    }
  }
  return diagnostics;
}
