/**
 * CONTRIBUTING.md says what the code does: its list of guideline codes is the
 * one generated from content/guidelines/, every validator rule is linked to its
 * section of docs/rules.md, the commands exist, the links resolve, and the
 * examples use only real field names and real codes.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../../src/core/load/load-content.ts';
import { CODES_BEGIN, CODES_END, guidelineCodesMarkdown, withGuidelineCodes } from '../../src/core/scaffold/guideline-codes-doc.ts';
import type { GuidelineData } from '../../src/core/schema/index.ts';
import { repoRoot } from '../support/repo-root.ts';
import { checkJsonSchema } from './support/json-schema-check.ts';

let doc = '';
let guidelines: GuidelineData[] = [];
beforeAll(async () => {
  doc = await readFile(path.join(repoRoot, 'CONTRIBUTING.md'), 'utf8');
  const loaded = await loadContent(path.join(repoRoot, 'content'));
  guidelines = loaded.documents.flatMap((d) => (d.kind === 'guideline' ? [d.data] : []));
});

describe('the list of guideline codes', () => {
  test('is exactly what npm run docs:codes generates from content/guidelines/', () => {
    expect(guidelines).toHaveLength(31);
    expect(doc, 'run npm run docs:codes').toBe(withGuidelineCodes(doc, guidelineCodesMarkdown(guidelines)));
  });

  test('lists all 31 codes, once each, under their category', () => {
    const block = doc.slice(doc.indexOf(CODES_BEGIN), doc.indexOf(CODES_END));
    const listed = [...block.matchAll(/^\| (\d+) \| `g-([a-z-]+)` \|/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(listed).toHaveLength(31);
    expect(new Map(listed as [number, string][])).toEqual(new Map(guidelines.map((g) => [g.number, g.code])));
    expect(block.match(/^\*\*.+\*\*$/gm)).toEqual(['**What data should be public**', '**How to make data public**', '**How to implement policy**']);
  });

  test('the markers are required, so the list cannot silently vanish', () => {
    expect(() => withGuidelineCodes('no markers here', 'x')).toThrow(/markers not found/);
  });
});

test('every validator rule documented in docs/rules.md is linked from CONTRIBUTING.md', async () => {
  const rules = [...(await readFile(path.join(repoRoot, 'docs', 'rules.md'), 'utf8')).matchAll(/^### ([a-z-]+)$/gm)].map((m) => m[1]!);
  expect(rules.length).toBeGreaterThan(20);
  expect(rules.filter((rule) => !doc.includes(`](docs/rules.md#${rule})`))).toEqual([]);
});

test('every npm script it tells editors to run exists', async () => {
  const { scripts } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const named = new Set([...doc.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]!));
  expect(named.size).toBeGreaterThan(4);
  expect([...named].filter((name) => !(name in scripts))).toEqual([]);
  if (doc.includes('npm start')) expect(scripts).toHaveProperty('start');
});

test('its links to files and to its own headings resolve', async () => {
  const slugger = new GithubSlugger();
  const anchors = new Set([...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!)));
  const targets = [...doc.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^https?:/.test(t));
  expect(targets.length).toBeGreaterThan(10);
  for (const target of targets) {
    const [file, anchor] = target.split('#') as [string, string | undefined];
    if (!file) {
      expect(anchors, `#${anchor}`).toContain(anchor);
      continue;
    }
    await expect(stat(path.join(repoRoot, file)), target).resolves.toBeTruthy();
    if (file === 'docs/rules.md' && anchor) {
      expect(await readFile(path.join(repoRoot, file), 'utf8'), target).toContain(`### ${anchor}\n`);
    }
  }
});

describe('the examples', () => {
  test('tag with real guideline codes only', () => {
    const codes = new Set(guidelines.map((g) => g.code));
    const used = [...doc.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)).filter((c) => c.startsWith('g-'));
    expect(used.length).toBeGreaterThan(2);
    expect(used.filter((c) => !codes.has(c.slice(2)))).toEqual([]);
  });

  test('use only field names the schemas know', async () => {
    const blocks = [...doc.matchAll(/```yaml\n---\n([\s\S]*?)\n---\n/g)].map((m) => parse(m[1]!) as Record<string, unknown>);
    const kindOf = (data: Record<string, unknown>) =>
      'topic' in data ? 'faq' : 'legal_custom' in data ? 'policy' : 'role' in data ? 'contact' : 'state' in data ? 'place' : 'unknown';
    expect(blocks.map(kindOf)).toEqual(['place', 'contact', 'policy', 'faq']);
    for (const data of blocks) {
      const schema = JSON.parse(await readFile(path.join(repoRoot, 'schemas', `${kindOf(data)}.schema.json`), 'utf8')) as Record<string, unknown>;
      const unknownKeys = checkJsonSchema(schema, data).filter((problem) => problem.includes('unknown key') || problem.includes('missing required'));
      expect(unknownKeys, kindOf(data)).toEqual([]);
    }
  });
});
