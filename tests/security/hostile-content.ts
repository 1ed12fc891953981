/**
 * Writes a content folder carrying the hostile vectors: the valid fixture
 * (31 guidelines, Springfield's place, contact, policy and FAQ), one policy per
 * body vector, and a place, office, policy and FAQ whose every text field holds
 * the frontmatter payloads. Used by the hostile-corpus suite and the browser
 * no-execution test.
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { VALID_FILES } from '../support/content-fixture.ts';
import { repoRoot } from '../support/repo-root.ts';
import { FRONTMATTER_PAYLOADS as F, ALL_FRONTMATTER_PAYLOADS, type BodyVector } from './hostile-vectors.ts';

export interface WrittenVector {
  vector: BodyVector;
  /** Path relative to the content root, e.g. "policies/springfield-mo-hostile-img-onerror.md". */
  relative: string;
  /** Policy id, for the page URL. */
  id: string;
  /** 1-based line of the vector's first character in the file. */
  line: number;
}

/** A URL the schema accepts (http, valid) that still tries to leave its attribute. */
export const BREAKOUT_URL = `https://example.org/"><img src=x onerror=${'alert(window.__pwned=1)'}>`;

/** Files whose frontmatter carries the payloads (relative path → text). */
export const HOSTILE_FRONTMATTER_FILES: Record<string, string> = {
  'places/hostile-mo.md': toContentFile({ name: `Hostile ${F.titleBreakout}`, kind: 'city', state: 'MO', portal_url: BREAKOUT_URL }),
  'contacts/hostile-mo/records-office.md': toContentFile(
    {
      name: `Records ${F.attributeBreakout}`,
      role: 'records',
      place: 'hostile-mo',
      channels: { url: BREAKOUT_URL, address: F.scriptBreakout, hours: F.singleQuote },
      handles: [F.template, F.scriptBreakout],
    },
    `Office notes ${F.template}`,
  ),
  'policies/hostile-mo-2021-02-03.md': toContentFile(
    {
      title: `Policy ${F.scriptBreakout}`,
      place: 'hostile-mo',
      year: 2021,
      date: '2021-02-03',
      legal_custom: `Order ${F.attributeBreakout}`,
      sunlight: 'didnt',
      policy_url: BREAKOUT_URL,
      note: ALL_FRONTMATTER_PAYLOADS,
    },
    `## Text\n\n<span class="g-open-formats">Publish data in open formats. ${F.template}</span>\n`,
  ),
  'faqs/hostile-mo/records.md': toContentFile({
    title: `Records ${F.scriptBreakout}`,
    place: 'hostile-mo',
    topic: 'records',
    category: F.titleBreakout,
    last_reviewed: '2026-06-01',
    summary: `Summary ${F.attributeBreakout} ${F.singleQuote} [1]`,
    enforcement: {
      enforcers: [{ contact: 'hostile-mo/records-office', role: F.scriptBreakout, sources: [1] }],
      fines: { status: 'stated', text: F.attributeBreakout, sources: [1] },
    },
    forms: [{ name: `Form ${F.scriptBreakout}`, description: F.template, url: BREAKOUT_URL, sources: [1] }],
    questions: [{ q: `Question ${F.titleBreakout}?`, a: `Answer ${F.scriptBreakout}`, sources: [1] }],
    howto: [`Step ${F.attributeBreakout}`],
    takeaways: [`Takeaway ${F.template}`],
    sources: [{ n: 1, title: `Source ${F.scriptBreakout}`, kind: 'city-page', url: BREAKOUT_URL }],
  }),
};

export function vectorPolicy(vector: BodyVector): { relative: string; id: string; text: string; line: number } {
  const id = `springfield-mo-hostile-${vector.id}`;
  const text = toContentFile(
    {
      title: `Hostile vector ${vector.id}`,
      place: 'springfield-mo',
      year: 2020,
      date: '2020-01-15',
      legal_custom: 'Executive Order',
      sunlight: 'wwc',
      policy_url: 'https://records.example.org/springfield-open-data.pdf',
    },
    `## Vector\n\nBefore the vector.\n\n${vector.body}\n\nAfter the vector.\n`,
  );
  const line = text.slice(0, text.indexOf(vector.body)).split('\n').length;
  return { relative: `policies/${id}.md`, id, text, line };
}

/**
 * Astro's content store needs entry paths inside the project, so folders that
 * will be built go under .build-tmp/ (git-ignored); validation-only folders
 * can live in the OS temp dir.
 */
export async function makeContentDir(forBuild: boolean): Promise<string> {
  const parent = forBuild ? path.join(repoRoot, '.build-tmp') : os.tmpdir();
  await mkdir(parent, { recursive: true });
  return mkdtemp(path.join(parent, 'kb-hostile-'));
}

export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

/** Writes the fixture plus the given vectors (and the hostile frontmatter files) into a new folder. */
export async function writeHostileContent(vectors: readonly BodyVector[], options: { forBuild: boolean }): Promise<{ root: string; written: WrittenVector[] }> {
  const root = await makeContentDir(options.forBuild);
  await cp(path.join(repoRoot, 'content', 'guidelines'), path.join(root, 'guidelines'), { recursive: true });
  await writeFiles(root, { ...VALID_FILES, ...HOSTILE_FRONTMATTER_FILES });
  const written: WrittenVector[] = [];
  for (const vector of vectors) {
    const policy = vectorPolicy(vector);
    await writeFiles(root, { [policy.relative]: policy.text });
    written.push({ vector, relative: policy.relative, id: policy.id, line: policy.line });
  }
  return { root, written };
}
