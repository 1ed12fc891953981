/**
 * The JSON Schemas in schemas/ (editor autocomplete) stay what the Zod schemas
 * give, accept the frontmatter of every file in content/, and refuse the bad
 * inputs Zod refuses. Checked with tests/editors/support/json-schema-check.ts
 * (no JSON Schema library is installed), and cross-checked against Zod itself.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { parseFrontmatter } from '../../src/core/load/frontmatter.ts';
import { identify } from '../../src/core/load/load-content.ts';
import { readContentFiles } from '../../src/core/load/read-files-fs.ts';
import { jsonSchemaFiles, SCHEMAS_DIR, schemaFileName } from '../../src/core/scaffold/json-schemas.ts';
import { ENTITY_KINDS, schemas, type EntityKind } from '../../src/core/schema/index.ts';
import { repoRoot } from '../support/repo-root.ts';
import { checkJsonSchema, unsupportedKeywords } from './support/json-schema-check.ts';

async function committedSchema(kind: EntityKind): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(repoRoot, SCHEMAS_DIR, schemaFileName(kind)), 'utf8')) as Record<string, unknown>;
}

describe('schemas/ is in sync with the Zod schemas', () => {
  test('regenerating gives exactly the committed files, and no others', async () => {
    const generated = jsonSchemaFiles();
    const committed = (await readdir(path.join(repoRoot, SCHEMAS_DIR))).filter((name) => name.endsWith('.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(await readFile(path.join(repoRoot, SCHEMAS_DIR, name), 'utf8'), `${SCHEMAS_DIR}/${name}: run npm run schemas`).toBe(text);
    }
  });

  test.each(ENTITY_KINDS)('%s: uses only keywords the test checker implements', async (kind) => {
    expect([...unsupportedKeywords(await committedSchema(kind))]).toEqual([]);
  });

  /** Zod's object shapes, walked like the JSON Schema: required keys and enum values at each path. */
  function zodOutline(schema: z.ZodType, at: string, out: Map<string, string[]>): void {
    let def = (schema as unknown as { def: Record<string, unknown> }).def;
    while (['optional', 'default', 'pipe'].includes(def['type'] as string)) {
      def = ((def['innerType'] ?? def['in']) as { def: Record<string, unknown> }).def;
    }
    if (def['type'] === 'object') {
      const shape = def['shape'] as Record<string, z.ZodType>;
      const required = Object.entries(shape).filter(([, s]) => !['optional', 'default'].includes((s as unknown as { def: { type: string } }).def.type)).map(([k]) => k);
      out.set(`${at} required`, required.sort());
      for (const [key, sub] of Object.entries(shape)) zodOutline(sub, `${at}.${key}`, out);
    } else if (def['type'] === 'array') zodOutline(def['element'] as z.ZodType, `${at}[]`, out);
    else if (def['type'] === 'enum') out.set(`${at} enum`, Object.values(def['entries'] as Record<string, string>).sort());
    else if (def['type'] === 'union') (def['options'] as z.ZodType[]).forEach((option) => zodOutline(option, at, out));
  }
  function jsonOutline(schema: Record<string, unknown>, at: string, out: Map<string, string[]>): void {
    if (schema['type'] === 'object' && schema['properties']) {
      out.set(`${at} required`, [...((schema['required'] ?? []) as string[])].sort());
      for (const [key, sub] of Object.entries(schema['properties'] as Record<string, Record<string, unknown>>)) jsonOutline(sub, `${at}.${key}`, out);
    } else if (schema['type'] === 'array') jsonOutline(schema['items'] as Record<string, unknown>, `${at}[]`, out);
    else if (Array.isArray(schema['enum'])) out.set(`${at} enum`, [...(schema['enum'] as string[])].sort());
    else if (Array.isArray(schema['anyOf'])) (schema['anyOf'] as Record<string, unknown>[]).forEach((branch) => jsonOutline(branch, at, out));
  }

  test.each(ENTITY_KINDS)('%s: required keys and allowed values match Zod at every level (defaults are optional)', async (kind) => {
    const fromZod = new Map<string, string[]>();
    const fromJson = new Map<string, string[]>();
    zodOutline(schemas[kind], '$', fromZod);
    jsonOutline(await committedSchema(kind), '$', fromJson);
    expect(fromZod.size).toBeGreaterThan(0);
    expect(Object.fromEntries(fromJson)).toEqual(Object.fromEntries(fromZod));
  });
});

describe('the schemas accept every file in content/', async () => {
  const { files } = await readContentFiles(path.join(repoRoot, 'content'));
  const rows = files.flatMap((file) => {
    const identity = identify(file.relative);
    return 'problem' in identity ? [] : [{ relative: file.relative, kind: identity.kind, text: file.text }];
  });

  test('content/ has files to check (at least the 31 guidelines)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(31);
  });

  test.each(rows)('$relative', async ({ relative, kind, text }) => {
    const { data, diagnostics } = parseFrontmatter(relative, text);
    expect(diagnostics).toEqual([]);
    expect(checkJsonSchema(await committedSchema(kind), data)).toEqual([]);
  });
});

/** Valid frontmatter of each kind, for the bad-input rows to spoil one field of. */
const VALID: Record<EntityKind, Record<string, unknown>> = {
  guideline: { code: 'open-formats', number: 8, name: 'Open formats', category: 'how-to-make-data-public', summary: 'Data in open formats.' },
  place: { name: 'Springfield', kind: 'city', state: 'MO', portal_url: 'https://data.example.org/' },
  contact: { name: 'City Clerk', role: 'clerk', place: 'springfield-mo', channels: { email: 'clerk@example.org' } },
  policy: { title: 'Open Data Policy', place: 'springfield-mo', year: 2020, date: '2020-01-15', legal_custom: 'Executive Order', sunlight: 'wwc' },
  faq: {
    title: 'Records FAQ', place: 'springfield-mo', topic: 'records', last_reviewed: '2026-06-01', summary: 'How to ask [1].',
    sources: [{ n: 1, title: 'Municipal Code', url: 'https://code.example.org/' }],
  },
};

const BAD: { name: string; kind: EntityKind; change: Record<string, unknown>; error: RegExp }[] = [
  { name: 'policy with sunlight: yes', kind: 'policy', change: { sunlight: 'yes' }, error: /\$\.sunlight: matches none/ },
  { name: 'place with kind: town', kind: 'place', change: { kind: 'town' }, error: /\$\.kind: "town" is not one of/ },
  { name: 'unknown key', kind: 'policy', change: { adopted: '2020-01-15' }, error: /unknown key "adopted"/ },
  { name: 'misspelt nested key', kind: 'faq', change: { sources: [{ n: 1, title: 'Code', link: 'https://x.example/' }] }, error: /\$\.sources\[0\]: unknown key "link"/ },
  { name: 'missing required field', kind: 'faq', change: { last_reviewed: undefined }, error: /missing required "last_reviewed"/ },
  { name: 'date not YYYY-MM-DD', kind: 'faq', change: { last_reviewed: '6/1/2026' }, error: /\$\.last_reviewed: does not match/ },
  { name: 'year as text', kind: 'policy', change: { year: '2020' }, error: /\$\.year: expected integer, found string/ },
  { name: 'lower-case state', kind: 'place', change: { state: 'mo' }, error: /\$\.state: "mo" is not one of/ },
  { name: 'link that is not http(s)', kind: 'place', change: { portal_url: 'javascript:alert(1)' }, error: /\$\.portal_url: does not match \^https\?:\/\// },
  { name: 'source number 0', kind: 'faq', change: { sources: [{ n: 0, title: 'Code' }] }, error: /\$\.sources\[0\]\.n: not above 0/ },
  { name: 'empty title', kind: 'policy', change: { title: '' }, error: /\$\.title: shorter than 1/ },
  { name: 'place slug with capitals', kind: 'contact', change: { place: 'Springfield' }, error: /\$\.place: does not match/ },
  { name: 'contact role not in the list', kind: 'contact', change: { role: 'secretary' }, error: /\$\.role: "secretary" is not one of/ },
  { name: 'guideline number 32', kind: 'guideline', change: { number: 32 }, error: /\$\.number: above 31/ },
];

function spoil(kind: EntityKind, change: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...VALID[kind], ...change };
  for (const [key, value] of Object.entries(change)) if (value === undefined) delete data[key];
  return data;
}

describe('the schemas reject bad input, as Zod does', () => {
  test.each(ENTITY_KINDS)('%s: the valid example passes both', async (kind) => {
    expect(checkJsonSchema(await committedSchema(kind), VALID[kind])).toEqual([]);
    expect(schemas[kind].safeParse(VALID[kind]).success).toBe(true);
  });

  test.each(BAD)('$name', async ({ kind, change, error }) => {
    const data = spoil(kind, change);
    expect(checkJsonSchema(await committedSchema(kind), data).join('\n')).toMatch(error);
    expect(schemas[kind].safeParse(data).success).toBe(false);
  });

  // What JSON Schema cannot say (refinements): only `npm run validate` catches these. If one of
  // these starts failing, the schemas got stricter: update CONTRIBUTING.md's note on editor checks.
  test.each([
    { name: 'a date that is not on the calendar', kind: 'faq' as const, change: { last_reviewed: '2026-02-30' } },
    { name: 'a year that disagrees with the date', kind: 'policy' as const, change: { year: 2019 } },
    { name: 'a title of spaces only', kind: 'policy' as const, change: { title: '   ' } },
  ])('known gap, left to the validator: $name', async ({ kind, change }) => {
    const data = spoil(kind, change);
    expect(checkJsonSchema(await committedSchema(kind), data)).toEqual([]);
    expect(schemas[kind].safeParse(data).success).toBe(false);
  });
});
