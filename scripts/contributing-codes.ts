/**
 * npm run docs:codes [-- --check]
 *
 * Rewrites the list of guideline codes in CONTRIBUTING.md from content/guidelines/
 * (see src/core/scaffold/guideline-codes-doc.ts). With --check, writes nothing
 * and exits 1 when the list is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/core/load/load-content.ts';
import { guidelineCodesMarkdown, withGuidelineCodes } from '../src/core/scaffold/guideline-codes-doc.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

const loaded = await loadContent(path.join(repoRoot, 'content'));
const guidelines = loaded.documents.flatMap((doc) => (doc.kind === 'guideline' ? [doc.data] : []));
if (guidelines.length !== 31) {
  console.error(`expected 31 valid guidelines, found ${guidelines.length}: run npm run validate`);
  process.exit(1);
}
const file = path.join(repoRoot, 'CONTRIBUTING.md');
const current = await readFile(file, 'utf8');
const updated = withGuidelineCodes(current, guidelineCodesMarkdown(guidelines));
if (updated === current) console.log('CONTRIBUTING.md: the guideline codes are up to date');
else if (values.check) {
  console.error('CONTRIBUTING.md: the guideline codes are out of date: run npm run docs:codes');
  process.exit(1);
} else {
  await writeFile(file, updated);
  console.log('CONTRIBUTING.md: guideline codes rewritten');
}
