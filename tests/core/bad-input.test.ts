/**
 * The bad-input corpus: every case is one mistake an editor makes, written
 * into an otherwise valid content folder; the validator must report it with
 * the right rule, at the right line, naming the field where there is one.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validateContent } from '../../src/core/validate.ts';
import { VALID_FILES, writeContentFixture } from '../support/content-fixture.ts';

const TODAY = '2026-11-23';
const policy = VALID_FILES['policies/springfield-mo-2020-01-15.md']!;
const faq = VALID_FILES['faqs/springfield-mo/records.md']!;
const place = VALID_FILES['places/springfield-mo.md']!;
const roots: string[] = [];

async function diagnosticsFor(files: Record<string, string | null>) {
  const root = await writeContentFixture(files);
  roots.push(root);
  const result = await validateContent(root, { today: TODAY });
  return { root, result };
}
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

test('the fixture itself is valid, with no warnings', async () => {
  const { result } = await diagnosticsFor({});
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
});

interface Case {
  name: string;
  file: string;
  text: string;
  rule: string;
  line: number;
  field?: string;
  severity?: 'error' | 'warning';
  /** When the problem is reported on another file than the one written. */
  reportedIn?: string;
  /** A fragment the message or hint must contain. */
  says?: string;
}

const P = 'policies/springfield-mo-2020-01-15.md';
const F = 'faqs/springfield-mo/records.md';
const cases: Case[] = [
  { name: 'broken YAML', file: P, text: policy.replace('legal_custom: Executive Order', 'legal_custom: [Executive Order'), rule: 'yaml', line: 7, says: 'must be sufficiently indented and end with a ]' },
  { name: 'unclosed frontmatter', file: P, text: '---\ntitle: x\n', rule: 'frontmatter', line: 1 },
  { name: 'empty file', file: P, text: '', rule: 'frontmatter', line: 1 },
  { name: 'missing required field', file: P, text: policy.replace('legal_custom: Executive Order\n', ''), rule: 'schema', line: 1, field: 'legal_custom', says: 'missing required field' },
  { name: 'misspelt key with did-you-mean', file: P, text: policy.replace('policy_url:', 'policy_ur:'), rule: 'schema', line: 8, field: 'policy_ur', says: 'did you mean "policy_url"' },
  { name: 'wrong sunlight value', file: P, text: policy.replace('sunlight: wwc', 'sunlight: yes'), rule: 'schema', line: 7, field: 'sunlight', says: 'found "yes"' },
  { name: 'value outside an enum', file: 'places/springfield-mo.md', text: place.replace('kind: city', 'kind: town'), rule: 'schema', line: 3, field: 'kind', says: 'found "town"' },
  { name: 'wrong type', file: P, text: policy.replace('year: 2020', 'year: twenty'), rule: 'schema', line: 4, field: 'year', says: 'expected number, found "twenty"' },
  { name: 'not a calendar date', file: P, text: policy.replace('date: 2020-01-15', 'date: 2020-02-30'), rule: 'schema', line: 5, field: 'date' },
  { name: 'year and date disagree', file: P, text: policy.replace('year: 2020', 'year: 2019'), rule: 'schema', line: 4, field: 'year' },
  { name: 'javascript: URL in a field', file: P, text: policy.replace('https://records.example.org/springfield-open-data.pdf', 'javascript:alert(1)'), rule: 'schema', line: 8, field: 'policy_url' },
  { name: 'unknown guideline code', file: P, text: policy.replace('g-open-formats', 'g-open-format'), rule: 'unknown-guideline', line: 13, says: 'did you mean "g-open-formats"' },
  { name: 'unknown span class', file: P, text: policy.replace('<span class="g-metadata">', '<span class="guideline-metadata"><span class="g-metadata">').replace('current.</span>', 'current.</span></span>'), rule: 'unknown-span-class', line: 15 },
  { name: 'unclosed span', file: P, text: policy.replace('formats.</span>', 'formats.'), rule: 'unbalanced-span', line: 13 },
  { name: 'stray closing span', file: P, text: policy.replace('## Purpose', '## Purpose</span>'), rule: 'unbalanced-span', line: 11 },
  { name: 'spans nested past the limit', file: P, text: `${policy}\n${'<span class="g-funding">'.repeat(40)}deep${'</span>'.repeat(40)}\n`, rule: 'nesting-depth', line: 19 },
  { name: 'quotes nested past the limit', file: P, text: `${policy}\n${'>'.repeat(40)} deep\n`, rule: 'nesting-depth', line: 19 },
  { name: 'script element', file: P, text: `${policy}\n<script>alert(1)</script>\n`, rule: 'unsafe-html', line: 19 },
  { name: 'mixed-case iframe', file: P, text: `${policy}\n<IfRaMe src="https://evil.example"></iframe>\n`, rule: 'unsafe-html', line: 19 },
  { name: 'event handler', file: P, text: `${policy}\n<b onmouseover="x()">hi</b>\n`, rule: 'unsafe-html', line: 19 },
  { name: 'entity-encoded javascript link', file: P, text: `${policy}\n<a href="jav&#x61;script:alert(1)">x</a>\n`, rule: 'unsafe-html', line: 19 },
  { name: 'markdown javascript link', file: P, text: `${policy}\n[x](javascript:alert(1))\n`, rule: 'unsafe-html', line: 19 },
  { name: 'zero-padded entity without semicolon', file: P, text: `${policy}\n<a href="&#0000106avascript:alert(1)">x</a>\n`, rule: 'unsafe-html', line: 19 },
  { name: 'named entity hiding the colon', file: P, text: `${policy}\n<a href="javascript&colon;alert(1)">x</a>\n`, rule: 'unsafe-html', line: 19 },
  { name: '">" inside an earlier attribute value', file: P, text: `${policy}\n<a title=">" href="javascript:alert(1)">x</a>\n`, rule: 'unsafe-html', line: 19 },
  { name: 'autolink to javascript:', file: P, text: `${policy}\n<javascript:alert(1)>\n`, rule: 'unsafe-html', line: 19 },
  { name: 'reference definition to javascript:', file: P, text: `${policy}\n[x][evil]\n\n[evil]: javascript:alert(1)\n`, rule: 'unsafe-html', line: 21 },
  { name: 'markdown link with an escaped colon', file: P, text: `${policy}\n[x](javascript\\:alert(1))\n`, rule: 'unsafe-html', line: 19 },
  { name: 'image from another site', file: P, text: `${policy}\n![pixel](https://tracker.example/p.png)\n`, rule: 'unsafe-html', line: 19, says: 'publishes no images' },
  { name: 'third-party srcset', file: P, text: `${policy}\n<img srcset="https://tracker.example/p.png 1x" alt="">\n`, rule: 'unsafe-html', line: 19 },
  { name: 'social security number', file: P, text: `${policy}\nContact 123-45-6789 for help.\n`, rule: 'personal-data', line: 19 },
  { name: 'card number (Luhn-valid)', file: P, text: `${policy}\nCard 4111 1111 1111 1111.\n`, rule: 'personal-data', line: 19 },
  { name: 'dangling place', file: P, text: policy.replace('place: springfield-mo', 'place: springfeld-mo'), rule: 'dangling-reference', line: 3, field: 'place', says: 'did you mean "springfield-mo"' },
  { name: 'dangling enforcer contact', file: F, text: faq.replace('contact: springfield-mo/city-clerk', 'contact: springfield-mo/city-attorney'), rule: 'dangling-reference', line: 9, field: 'enforcement.enforcers.0.contact' },
  { name: 'unresolved citation in a field', file: F, text: faq.replace('records [1].', 'records [2].'), rule: 'unresolved-citation', line: 6, field: 'summary' },
  { name: 'unresolved citation in the body', file: F, text: faq.replace('City Clerk [1].', 'City Clerk [4].'), rule: 'unresolved-citation', line: 25 },
  { name: 'unresolved source list entry', file: F, text: faq.replace('    sources: [1]\nsources:', '    sources: [3]\nsources:'), rule: 'unresolved-citation', line: 15, field: 'enforcement.fines.sources.0' },
  { name: 'not-specified facet without the page checked (warning)', file: F, text: faq.replace('    text: Not specified on the cited page.\n    sources: [1]', '    text: Not specified on the cited page.\n    sources: []'), rule: 'unsourced-not-specified', line: 13, field: 'enforcement.fines.status', severity: 'warning' },
  { name: 'review date in the future', file: F, text: faq.replace('last_reviewed: 2026-06-01', 'last_reviewed: 2027-01-01'), rule: 'review-date', line: 5 },
  { name: 'stale review (warning)', file: F, text: faq.replace('last_reviewed: 2026-06-01', 'last_reviewed: 2025-01-01'), rule: 'stale-review', line: 5, severity: 'warning' },
  { name: 'source without URL (warning)', file: F, text: faq.replace('    url: https://code.example.org/springfield\n', ''), rule: 'source-without-url', line: 17, severity: 'warning' },
  { name: 'FAQ place disagrees with its folder', file: F, text: faq.replace('place: springfield-mo', 'place: other-mo'), rule: 'file-location', line: 3, field: 'place' },
  { name: 'file name not a slug', file: 'places/Springfield-MO.md', text: place, rule: 'file-location', line: 1 },
  { name: 'file outside the known folders', file: 'notes/todo.md', text: place, rule: 'file-location', line: 1 },
  // Reported on the later file in path order: "springfield-mo-2.md" sorts before "springfield-mo.md".
  { name: 'duplicate place differing only by case and punctuation', file: 'places/springfield-mo-2.md', text: place.replace('Springfield', 'SPRINGFIELD'), rule: 'duplicate-id', line: 2, reportedIn: 'places/springfield-mo.md' },
  { name: 'UTF-8 byte-order mark', file: 'places/bom-mo.md', text: '\ufeff' + place, rule: 'encoding', line: 1, severity: 'warning' },
  { name: 'mis-decoded characters', file: P, text: `${policy}\nSection Ã‚ § 42.\n`, rule: 'mojibake', line: 19, severity: 'warning' },
];

describe('every bad input is reported with its rule, line and field', () => {
  test.each(cases)('$name → $rule at line $line', async ({ file, text, rule, line, field, severity = 'error', says, reportedIn }) => {
    const { result } = await diagnosticsFor({ [file]: text });
    const hit = result.diagnostics.find((d) => d.rule === rule && d.file.endsWith(reportedIn ?? file));
    expect(hit, JSON.stringify(result.diagnostics, null, 1)).toBeDefined();
    expect(hit!.line).toBe(line);
    expect(hit!.severity).toBe(severity);
    if (field) expect(hit!.field).toBe(field);
    if (says) expect(`${hit!.message} ${hit!.hint ?? ''}`).toContain(says);
    if (severity === 'error') expect(result.ok).toBe(false);
  });
});

test('numbers inside links are not taken for personal data', async () => {
  // A real document URL whose 14-digit file name passes the Luhn check.
  const { result } = await diagnosticsFor({ [P]: policy.replace('https://records.example.org/springfield-open-data.pdf', 'https://assets.example.org/documents/3673595/Simsbh35017041116370.pdf') });
  expect(result.diagnostics.filter((d) => d.rule === 'personal-data')).toEqual([]);
});

test('all problems of a folder are reported in one run, sorted by file and line', async () => {
  const { result } = await diagnosticsFor({
    [P]: policy.replace('sunlight: wwc', 'sunlight: yes').replace('g-open-formats', 'g-nope'),
    [F]: faq.replace('records [1].', 'records [9].'),
  });
  const rules = result.diagnostics.map((d) => d.rule);
  expect(rules).toEqual(expect.arrayContaining(['schema', 'unknown-guideline', 'unresolved-citation']));
  const keys = result.diagnostics.map((d) => `${d.file}:${String(d.line).padStart(5, '0')}`);
  expect(keys).toEqual([...keys].sort());
});

test('UTF-16 content is refused, not misread', async () => {
  const root = await writeContentFixture();
  roots.push(root);
  const bytes = Buffer.from(`\ufeff${place}`, 'utf16le');
  await writeFile(path.join(root, 'places', 'wide-mo.md'), bytes);
  const result = await validateContent(root, { today: TODAY });
  const hit = result.diagnostics.find((d) => d.file.endsWith('wide-mo.md'));
  expect(hit).toMatchObject({ rule: 'encoding', severity: 'error', line: 1 });
});

test('invalid UTF-8 is refused at the line where it breaks', async () => {
  const root = await writeContentFixture();
  roots.push(root);
  const bytes = Buffer.concat([Buffer.from(`${place}\nline two\n`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
  await writeFile(path.join(root, 'places', 'latin-mo.md'), bytes);
  const result = await validateContent(root, { today: TODAY });
  expect(result.diagnostics.find((d) => d.file.endsWith('latin-mo.md'))).toMatchObject({ rule: 'encoding', severity: 'error', line: 8 });
});

test('a link out of the content folder is refused', async () => {
  const root = await writeContentFixture();
  roots.push(root);
  await mkdir(path.join(root, 'places', 'sub'), { recursive: true });
  await symlink('/etc/hostname', path.join(root, 'places', 'escape-mo.md'));
  const result = await validateContent(root, { today: TODAY });
  expect(result.diagnostics.find((d) => d.file.endsWith('escape-mo.md'))).toMatchObject({ rule: 'symlink', severity: 'error' });
});
