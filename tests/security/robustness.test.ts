/**
 * Robustness: broken, huge, oddly encoded or hostile files never crash or hang
 * the validator. Each case writes an otherwise valid content folder, runs
 * validateContent in a worker with a hard 5-second limit (a synchronous loop
 * cannot be stopped from the test's own thread), and expects either a clear
 * diagnostic on the file (rule, severity, line) or acceptance.
 */
import { mkdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { VALID_FILES, writeContentFixture } from '../support/content-fixture.ts';
import { validateWithin, type BoundedValidation } from './run-validation.ts';

const LIMIT_MS = 5_000;
const PLACE = VALID_FILES['places/springfield-mo.md']!;
const POLICY = VALID_FILES['policies/springfield-mo-2020-01-15.md']!;
/** The policy's frontmatter (9 lines) and a blank line: a body written after it starts on line 11. */
const POLICY_HEAD = POLICY.slice(0, POLICY.indexOf('\n---\n') + 5) + '\n';
const NEW_POLICY = 'policies/springfield-mo-2021-03-04.md';
const PARAGRAPH = 'The city shall publish its data in open formats and keep the metadata current for every dataset. ';
const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

type Files = Record<string, string | Buffer>;

interface Case {
  name: string;
  files?: Files;
  /** Extra setup on the folder (links). */
  setup?: (root: string) => Promise<void>;
  /** The file the outcome is about. */
  file: string;
  /** A diagnostic expected on that file, or 'accepted' (no error there). */
  expect: { rule: string; severity?: 'error' | 'warning'; line?: number; count?: number } | 'accepted';
  /** Print the validator's time (the big cases). */
  timed?: boolean;
}

function policyWithBody(body: string): string {
  return POLICY_HEAD + body + '\n';
}

/** About `bytes` of realistic policy text: paragraphs, every tenth sentence tagged. */
function bigBody(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentence = i % 10 === 0 ? `<span class="g-metadata">${PARAGRAPH}</span> ` : PARAGRAPH;
    parts.push(sentence, i % 5 === 4 ? '\n\n' : '');
    size += sentence.length + (i % 5 === 4 ? 2 : 0);
  }
  return parts.join('');
}

const letters = 'abcdefghij';
const aliasBomb = [
  '---',
  'name: Bomb',
  'kind: city',
  'state: MO',
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ...[...letters].slice(1).map((l, i) => `${l}: &${l} [${Array(10).fill(`*${letters[i]}`).join(',')}]`),
  '---',
  '',
].join('\n');

const cases: Case[] = [
  // YAML
  { name: 'malformed YAML (unclosed flow sequence)', file: NEW_POLICY, files: { [NEW_POLICY]: POLICY.replace('legal_custom: Executive Order', 'legal_custom: [Executive Order') }, expect: { rule: 'yaml', line: 7 } },
  { name: 'malformed YAML (tab indentation)', file: 'places/tabs-mo.md', files: { 'places/tabs-mo.md': '---\nname: Tabs\n\tkind: city\nstate: MO\n---\n' }, expect: { rule: 'yaml' } },
  { name: 'malformed YAML (duplicate key)', file: 'places/twice-mo.md', files: { 'places/twice-mo.md': '---\nname: Twice\nname: Again\nkind: city\nstate: MO\n---\n' }, expect: { rule: 'yaml', line: 3 } },
  { name: 'YAML alias bomb (billion laughs)', file: 'places/bomb-mo.md', files: { 'places/bomb-mo.md': aliasBomb }, expect: { rule: 'yaml' } },
  { name: 'YAML nested 20,000 deep', file: 'places/deep-mo.md', files: { 'places/deep-mo.md': `---\nname: ${'['.repeat(20_000)}${']'.repeat(20_000)}\nkind: city\nstate: MO\n---\n` }, expect: { rule: 'yaml' } },
  { name: 'frontmatter that is a list, not a mapping', file: 'places/list-mo.md', files: { 'places/list-mo.md': '---\n- name\n- kind\n---\n' }, expect: { rule: 'schema', line: 1 } },
  { name: 'frontmatter with nothing in it', file: 'places/bare-mo.md', files: { 'places/bare-mo.md': '---\n---\n' }, expect: { rule: 'schema' } },
  { name: 'unclosed frontmatter', file: 'places/open-mo.md', files: { 'places/open-mo.md': '---\nname: Open\nkind: city\n' }, expect: { rule: 'frontmatter', line: 1 } },

  // Encodings
  { name: 'UTF-16 LE with BOM', file: 'places/le-mo.md', files: { 'places/le-mo.md': Buffer.from(`\ufeff${PLACE}`, 'utf16le') }, expect: { rule: 'encoding', line: 1 } },
  { name: 'UTF-16 BE with BOM', file: 'places/be-mo.md', files: { 'places/be-mo.md': Buffer.from(`\ufeff${PLACE}`, 'utf16le').swap16() }, expect: { rule: 'encoding', line: 1 } },
  { name: 'UTF-16 LE without BOM', file: 'places/nobom-mo.md', files: { 'places/nobom-mo.md': Buffer.from(PLACE.replace('Springfield', 'Nobom'), 'utf16le') }, expect: { rule: 'encoding', line: 1 } },
  { name: 'UTF-8 byte-order mark (warned, then read)', file: 'places/bom-mo.md', files: { 'places/bom-mo.md': `\ufeff${PLACE.replace('Springfield', 'Bomtown')}` }, expect: { rule: 'encoding', severity: 'warning', line: 1 } },
  { name: 'Latin-1 bytes (not UTF-8)', file: NEW_POLICY, files: { [NEW_POLICY]: Buffer.concat([Buffer.from(`${POLICY_HEAD}Section `), Buffer.from([0xa7, 0x20, 0x34, 0x32, 0x0a])]) }, expect: { rule: 'encoding', line: 11 } },
  { name: 'mojibake (UTF-8 read as Windows-1252)', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody('Public records are defined in Section Â§ 610.010 and itâ€™s the clerk’s job.') }, expect: { rule: 'mojibake', severity: 'warning', line: 11 } },
  { name: 'NUL bytes', file: 'places/nul-mo.md', files: { 'places/nul-mo.md': `${PLACE}\u0000\u0000` }, expect: { rule: 'encoding' } },
  { name: 'CRLF line endings', file: 'places/crlf-mo.md', files: { 'places/crlf-mo.md': PLACE.replace('Springfield', 'Crlf').replaceAll('\n', '\r\n') }, expect: 'accepted' },

  // Empty and odd files
  { name: 'empty file', file: 'places/empty-mo.md', files: { 'places/empty-mo.md': '' }, expect: { rule: 'frontmatter', line: 1 } },
  { name: 'whitespace-only file', file: 'places/blank-mo.md', files: { 'places/blank-mo.md': ' \n\n\t\n' }, expect: { rule: 'frontmatter', line: 1 } },
  { name: 'file over the size limit (9 MB)', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(bigBody(9 * 1024 * 1024)) }, expect: { rule: 'file-size' } },
  { name: 'file name that is not a slug (unicode)', file: 'places/sprïngfield-mo.md', files: { 'places/sprïngfield-mo.md': PLACE }, expect: { rule: 'file-location' } },

  // Size and structure
  { name: '5 MB body', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(bigBody(5 * 1024 * 1024)) }, expect: 'accepted', timed: true },
  { name: '5 MB on a single line', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(PARAGRAPH.repeat(Math.ceil((5 * 1024 * 1024) / PARAGRAPH.length))) }, expect: 'accepted', timed: true },
  { name: '10,000 spans in one file', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(Array.from({ length: 10_000 }, (_, i) => `<span class="g-open-formats">Passage ${i}: ${PARAGRAPH}</span>`).join('\n\n')) }, expect: 'accepted', timed: true },
  { name: '10,000 unclosed spans (one error each)', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(Array.from({ length: 10_000 }, (_, i) => `<span class="g-open-formats">Passage ${i}.`).join('\n')) }, expect: { rule: 'unbalanced-span', line: 11, count: 10_000 }, timed: true },
  // Refused: the renderer would overflow its stack on such depth (see src/core/rules/nesting.ts).
  { name: '500-deep nested spans', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(`${'<span class="g-open-formats">'.repeat(500)}${PARAGRAPH}${'</span>'.repeat(500)}`) }, expect: { rule: 'nesting-depth', line: 11, count: 1 }, timed: true },
  { name: '40,000 "<span" never closed by ">"', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(`Text ${'<span class="g-open-formats" '.repeat(40_000)}`) }, expect: 'accepted', timed: true },
  { name: '200 KB of "<" inside a span', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(`<span class="g-open-formats">${'<'.repeat(200_000)}</span>`) }, expect: 'accepted', timed: true },
  { name: '200 KB of "![" inside a span', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(`<span class="g-open-formats">${'!['.repeat(100_000)}</span>`) }, expect: 'accepted', timed: true },
  { name: '200 KB of "[a](" inside a span', file: NEW_POLICY, files: { [NEW_POLICY]: policyWithBody(`<span class="g-open-formats">${'[a]('.repeat(50_000)}</span>`) }, expect: 'accepted', timed: true },

  // Links
  { name: 'symlinked file pointing out of content/', file: 'places/escape-mo.md', setup: async (root) => symlink(path.join(os.tmpdir()), path.join(root, 'places', 'escape-mo.md')), expect: { rule: 'symlink', line: 1 } },
  { name: 'symlinked folder pointing out of content/', file: 'faqs/outside', setup: async (root) => symlink('/etc', path.join(root, 'faqs', 'outside')), expect: { rule: 'symlink', line: 1 } },
  { name: 'dangling symlink', file: 'places/gone-mo.md', setup: async (root) => symlink(path.join(root, 'nowhere.md'), path.join(root, 'places', 'gone-mo.md')), expect: { rule: 'symlink', line: 1 } },
];

function outcome(result: BoundedValidation): string {
  if (result.kind === 'timeout') return `no answer within ${result.limitMs} ms`;
  if (result.kind === 'threw') return `threw: ${result.error.split('\n').slice(0, 3).join(' / ')}`;
  return 'done';
}

describe('every bad or huge input gets an answer within 5 s: a diagnostic or acceptance', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, { files = {}, setup, file, expect: expected, timed }) => {
    const root = await writeContentFixture();
    roots.push(root);
    for (const [relative, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
      await writeFile(path.join(root, relative), content);
    }
    await setup?.(root);
    const result = await validateWithin(root, LIMIT_MS);
    expect(outcome(result)).toBe('done');
    if (result.kind !== 'done') return;
    if (timed) {
      const bytes = Object.values(files).reduce((sum, c) => sum + c.length, 0);
      console.log(`[robustness] ${_name}: ${(bytes / 1048576).toFixed(2)} MB validated in ${result.ms.toFixed(0)} ms (${result.diagnostics.length} diagnostics)`);
    }
    const onFile = result.diagnostics.filter((d) => d.file.endsWith(file));
    if (expected === 'accepted') {
      expect(onFile.filter((d) => d.severity === 'error')).toEqual([]);
      return;
    }
    const hits = onFile.filter((d) => d.rule === expected.rule);
    expect(hits.length, JSON.stringify(onFile.slice(0, 5), null, 1)).toBeGreaterThan(0);
    expect(hits[0]!.severity).toBe(expected.severity ?? 'error');
    expect(hits[0]!.message.length).toBeGreaterThan(10);
    if (expected.line !== undefined) expect(hits[0]!.line).toBe(expected.line);
    if (expected.count !== undefined) expect(hits).toHaveLength(expected.count);
  });
});

describe('a folder link that loops back inside content/', () => {
  const loopFolder = async () => {
    const root = await writeContentFixture();
    roots.push(root);
    await symlink('.', path.join(root, 'places', 'self'));
    return root;
  };

  test('ends at once with diagnostics, no crash, no hang', async () => {
    const result = await validateWithin(await loopFolder(), LIMIT_MS);
    expect(outcome(result)).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.rule === 'symlink' && d.file.includes('places/self'))).toBe(true);
  });

  test('is reported once, at the link itself (folder links are never followed)', async () => {
    const result = await validateWithin(await loopFolder(), LIMIT_MS);
    if (result.kind !== 'done') throw new Error(outcome(result));
    const aboutLoop = result.diagnostics.filter((d) => d.file.includes('places/self'));
    expect(aboutLoop).toEqual([expect.objectContaining({ rule: 'symlink', severity: 'error' })]);
  });
});

describe('slugs that differ only in letter case', () => {
  test('on a case-sensitive filesystem, "Foo-mo.md" next to "foo-mo.md" is refused by name, the other read', async () => {
    const root = await writeContentFixture({
      'places/foo-mo.md': PLACE.replace('Springfield', 'Foo'),
    });
    roots.push(root);
    await writeFile(path.join(root, 'places', 'Foo-mo.md'), PLACE.replace('Springfield', 'Foo Upper'));
    // On a case-insensitive filesystem the second write replaced the first: nothing to compare.
    const caseSensitive = (await stat(path.join(root, 'places', 'foo-mo.md')).then((s) => s.size)) !== (await stat(path.join(root, 'places', 'Foo-mo.md')).then((s) => s.size));
    if (!caseSensitive) {
      console.log('[robustness] case-insensitive filesystem: case-only duplicates cannot exist here');
      return;
    }
    const result = await validateWithin(root, LIMIT_MS);
    expect(outcome(result)).toBe('done');
    if (result.kind !== 'done') return;
    const upper = result.diagnostics.filter((d) => d.file.endsWith('places/Foo-mo.md'));
    expect(upper).toEqual([expect.objectContaining({ rule: 'file-location', severity: 'error', line: 1 })]);
    expect(upper[0]!.message).toContain('not a slug');
    expect(result.diagnostics.filter((d) => d.file.endsWith('places/foo-mo.md') && d.severity === 'error')).toEqual([]);
  });

  test('two places whose names differ only in case are reported as duplicates', async () => {
    const root = await writeContentFixture({ 'places/springfield-mo-2.md': PLACE.replace('Springfield', 'SPRINGFIELD') });
    roots.push(root);
    const result = await validateWithin(root, LIMIT_MS);
    expect(outcome(result)).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.diagnostics.filter((d) => d.rule === 'duplicate-id')).toHaveLength(1);
  });
});
