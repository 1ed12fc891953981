/**
 * The 31 guideline files in content/guidelines: complete, valid, named after
 * their codes, faithful to Sunlight's facts, and written in our own words.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { guidelineSchema } from '../../src/core/schema/guideline.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const guidelinesDir = path.join(repoRoot, 'content/guidelines');
const sunlightDir = path.resolve(repoRoot, '../shared/sunlight-sample/_guidelines');
const hasSunlight = fs.existsSync(sunlightDir);

/** Sunlight's description and ours may share no run of this many words. */
const MAX_SHARED_RUN = 8;
const SUMMARY_MAX_WORDS = 40;
const SECTION_HEADINGS = ['What it asks for', 'Why it matters to residents', 'What to look for in a policy'];

// YAML 1.2 like the project's own loader, so "no" or a date stays a string here too.
const matterOptions = { engines: { yaml: (source: string) => parseYaml(source) as object } };

interface ContentFile {
  fileName: string;
  data: Record<string, unknown>;
  body: string;
}

function readMarkdownDir(dir: string): ContentFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((fileName) => {
      const { data, content } = matter(fs.readFileSync(path.join(dir, fileName), 'utf8'), matterOptions);
      return { fileName, data, body: content };
    });
}

/** Lower-case words of a text, with HTML tags dropped and curly apostrophes straightened. */
function words(text: string): string[] {
  return text.replace(/<[^>]*>/g, ' ').replace(/[\u2018\u2019]/g, "'").toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? [];
}

/** The first run of `size` consecutive words that `ours` shares with `theirs`, or undefined. */
function firstSharedRun(ours: string, theirs: string, size: number): string | undefined {
  const runs = (list: string[]) => list.slice(0, Math.max(0, list.length - size + 1)).map((_, i) => list.slice(i, i + size).join(' '));
  const theirRuns = new Set(runs(words(theirs)));
  return runs(words(ours)).find((run) => theirRuns.has(run));
}

const files = readMarkdownDir(guidelinesDir);
const rows = files.map((file) => ({ ...file, code: file.fileName.replace(/\.md$/, '') }));

describe('content/guidelines', () => {
  test('holds exactly 31 guideline files and nothing else', () => {
    expect(fs.readdirSync(guidelinesDir).sort()).toEqual(files.map((f) => f.fileName));
    expect(files).toHaveLength(31);
  });

  test('numbers run 1..31, each once', () => {
    const numbers = files.map((f) => f.data['number']).sort((a, b) => Number(a) - Number(b));
    expect(numbers).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  test('codes are unique', () => {
    const codes = files.map((f) => f.data['code']);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test.each(rows)('$fileName is valid against guidelineSchema and named after its code', ({ data, code }) => {
    const result = guidelineSchema.safeParse(data);
    expect(result.success, result.error?.message).toBe(true);
    expect(data['code']).toBe(code);
  });

  test.each(rows)('$fileName keeps the summary short and the body in three sections', ({ data, body }) => {
    expect(words(String(data['summary'])).length).toBeLessThanOrEqual(SUMMARY_MAX_WORDS);
    const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(SECTION_HEADINGS);
    const checklist = body.slice(body.indexOf(`## ${SECTION_HEADINGS[2]}`));
    const bullets = checklist.match(/^- \S/gm) ?? [];
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    expect(bullets.length).toBeLessThanOrEqual(4);
    expect(body).not.toMatch(/https?:\/\//);
  });
});

describe('firstSharedRun (the originality check below)', () => {
  test.each([
    { ours: 'one two three four five six seven eight', theirs: 'zero one two three four five six seven eight nine', shared: 'one two three four five six seven eight' },
    { ours: 'One, two: three <b>four</b> five six seven eight.', theirs: 'one two three four five six seven eight', shared: 'one two three four five six seven eight' },
    // seven shared words in a row is allowed
    { ours: 'one two three four five six seven', theirs: 'one two three four five six seven eight', shared: undefined },
    { ours: 'one two three four five six seven x eight', theirs: 'one two three four five six seven eight', shared: undefined },
  ])('finds $shared', ({ ours, theirs, shared }) => {
    expect(firstSharedRun(ours, theirs, MAX_SHARED_RUN)).toBe(shared);
  });
});

describe.skipIf(!hasSunlight)(
  `content/guidelines against Sunlight's _guidelines (${hasSunlight ? sunlightDir : `skipped: ${sunlightDir} is absent`})`,
  () => {
    const sunlight = new Map(hasSunlight ? readMarkdownDir(sunlightDir).map((f) => [String(f.data['code']), f]) : []);

    test('covers the same 31 codes as Sunlight', () => {
      expect(rows.map((r) => r.code).sort()).toEqual([...sunlight.keys()].sort());
    });

    test.each(rows)("$fileName copies Sunlight's number, code, name and section exactly", ({ data, code }) => {
      const theirs = sunlight.get(code)?.data;
      expect(theirs, `no Sunlight guideline with code ${code}`).toBeDefined();
      expect({ number: data['number'], code: data['code'], name: data['name'], category: data['category'] }).toEqual({
        number: theirs?.['number'],
        code: theirs?.['code'],
        name: theirs?.['name'],
        category: theirs?.['section'],
      });
    });

    test.each(rows)(`$fileName shares no run of ${MAX_SHARED_RUN} words with Sunlight's description`, ({ data, body, code }) => {
      const theirs = sunlight.get(code)?.body ?? '';
      expect(words(theirs).length, `Sunlight's description of ${code} is empty`).toBeGreaterThan(MAX_SHARED_RUN);
      expect(firstSharedRun(String(data['summary']), theirs, MAX_SHARED_RUN), 'summary').toBeUndefined();
      expect(firstSharedRun(body, theirs, MAX_SHARED_RUN), 'body').toBeUndefined();
    });
  },
);
