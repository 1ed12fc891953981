/**
 * The importer on real input: every article of the shared sample (third-party
 * text, read in place, never copied) and the project's three FAQ seeds, whose
 * expected values below were read from the seeds by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFaqArticle } from '../../../src/core/importers/faq-text/index.ts';
import { faqSchema, type FaqData } from '../../../src/core/schema/faq.ts';
import { repoRoot } from '../../support/repo-root.ts';

const TODAY = '2026-11-23';
const SAMPLE_DIR = path.resolve(repoRoot, '../shared/faq-articles-sample');
const SEED_DIR = path.resolve(repoRoot, '../shared/seeds');
const sampleFiles = existsSync(SAMPLE_DIR) ? readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort() : [];

/** Every "[n]" written in the FAQ's text fields and body, and every number in a sources list. */
function everyCitation(data: FaqData, body: string): number[] {
  const { sources: _sources, ...rest } = data;
  const written = [...`${JSON.stringify(rest)}${body}`.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const listed: number[] = [];
  JSON.stringify(rest, (key, value: unknown) => {
    if ((key === 'sources' || key === 'enforcers_sources') && Array.isArray(value)) listed.push(...(value as number[]));
    return value;
  });
  return [...new Set([...written, ...listed])];
}

describe.skipIf(sampleFiles.length === 0)('the FAQ article sample (../shared/faq-articles-sample)', () => {
  test('the sample is there to test against', () => {
    expect(sampleFiles.length).toBeGreaterThanOrEqual(30);
  });

  test.each(sampleFiles)('%s imports to a valid FAQ whose citations all resolve', (file) => {
    const result = importFaqArticle(readFileSync(path.join(SAMPLE_DIR, file), 'utf8'), file, { today: TODAY });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parsed = faqSchema.safeParse(result.faq?.data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const data = parsed.data as FaqData;
    // The file name starts with the place slug the Sunlight Hub would use.
    expect(file).toContain(`_${data.place}-`);
    const numbers = data.sources.map((s) => s.n);
    expect(everyCitation(data, result.faq?.body ?? '').filter((n) => !numbers.includes(n))).toEqual([]);
    expect(data.sources.every((s) => s.url === undefined)).toBe(true);
    // A truncated input is reported, never silently passed over.
    const text = readFileSync(path.join(SAMPLE_DIR, file), 'utf8').trimEnd();
    if (!/[.!?)\]]$/.test(text)) expect(result.report.missing.length).toBeGreaterThan(0);
  });
});

if (sampleFiles.length === 0) {
  test.skip('../shared/faq-articles-sample is absent: the real-article tests are skipped', () => {});
}

/** The seed file whose name starts with this number. */
function seed(prefix: string): string | undefined {
  if (!existsSync(SEED_DIR)) return undefined;
  const name = readdirSync(SEED_DIR).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  return name ? path.join(SEED_DIR, name) : undefined;
}

const seeds = { independence: seed('000'), kansasCity: seed('002'), ofallon: seed('004') };

describe.skipIf(!seeds.independence || !seeds.kansasCity || !seeds.ofallon)('the three FAQ seeds (../shared/seeds)', () => {
  const load = (file: string | undefined) => {
    const result = importFaqArticle(readFileSync(file as string, 'utf8'), path.basename(file as string), { today: TODAY });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return { ...result, data: faqSchema.parse(result.faq?.data) };
  };

  test('000, Independence: header read, fines not specified citing the Municipal Code [1]', () => {
    const { data, place, report } = load(seeds.independence);
    expect(place).toEqual({ slug: 'independence-mo', name: 'Independence', state: 'MO', kind: 'city' });
    expect(data).toMatchObject({ category: 'Technology and Data', published: '2026-03-01', reading_minutes: 4, last_reviewed: TODAY });
    const e = data.enforcement;
    expect(e?.fines).toMatchObject({ status: 'not-specified', sources: [1] });
    expect(e?.escalation?.status).toBe('not-specified');
    expect(e?.sanctions?.status).toBe('stated');
    expect(e?.complaints?.status).toBe('stated');
    expect(e?.appeals).toBeUndefined();
    expect(e?.enforcers).toEqual([
      { contact: 'independence-mo/city-clerk', role: 'public-records processes', sources: [3] },
      { contact: 'independence-mo/city-attorney', role: 'enforcement and legal action', sources: [] },
    ]);
    expect(data.sources.map((s) => [s.n, s.title, s.kind])).toEqual([
      [1, 'Municipal Code', 'municipal-code'],
      [2, 'Open Data Portal', 'portal'],
      [3, 'Open Records Requests', 'city-page'],
    ]);
    expect([data.questions.length, data.howto.length, data.takeaways.length, data.forms.length]).toEqual([4, 4, 3, 0]);
    expect(report.missing).toContain('the Resources list (the input stops at its heading)');
    expect(report.repaired).toContain('mis-decoded "ยท" → "·" (1×)');
  });

  test('002, Kansas City: no header, "- Q / - A" FAQ, sources from the Resources list by position', () => {
    const { data, place, report } = load(seeds.kansasCity);
    expect(place).toMatchObject({ slug: 'kansas-city-mo', name: 'Kansas City', kind: 'city' });
    expect(data.published).toBeUndefined();
    const e = data.enforcement;
    expect([e?.fines?.status, e?.escalation?.status, e?.sanctions?.status, e?.complaints?.status, e?.appeals?.status]).toEqual([
      'not-specified', 'not-specified', 'stated', 'stated', 'not-specified',
    ]);
    expect(e?.enforcers.map((x) => x.contact)).toEqual([
      'kansas-city-mo/city-clerk', 'kansas-city-mo/city-manager', 'kansas-city-mo/information-technology', 'kansas-city-mo/records',
    ]);
    // "Use the official complaint/contact pages listed in Resources": the Clerk's and the Manager's items.
    expect(e?.complaints?.sources).toEqual([2, 3]);
    expect(data.sources.map((s) => s.title)).toEqual([
      'City of Kansas City - Municipal Code (Municode)',
      'City Clerk - Open Records and Contact',
      'Office of the City Manager - Contact and Departments',
    ]);
    expect(data.forms.map((f) => f.name)).toEqual(['Public records request form', 'Incident/breach reporting']);
    expect(data.questions).toHaveLength(3);
    expect(report.missing).toContain('header line (category, reading time, publication date)');
  });

  test("004, O'Fallon: fines, escalation and appeals not specified on the code page [1]", () => {
    const { data, place } = load(seeds.ofallon);
    expect(place).toEqual({ slug: 'ofallon-mo', name: "O'Fallon", state: 'MO', kind: 'city' });
    expect(data.published).toBe('2026-03-08');
    const e = data.enforcement;
    for (const facet of [e?.fines, e?.escalation, e?.appeals]) expect(facet).toMatchObject({ status: 'not-specified', sources: [1] });
    expect(e?.sanctions?.status).toBe('stated');
    expect(e?.enforcers.map((x) => x.contact)).toEqual(['ofallon-mo/code-enforcement', 'ofallon-mo/city-attorney', 'ofallon-mo/police-department']);
    expect(data.sources).toEqual([{ n: 1, title: "City of O'Fallon Code of Ordinances - Municode", kind: 'municipal-code' }]);
  });
});
