/**
 * The plain-YAML reader stands in for js-yaml on the frontmatter it takes, so
 * wherever it answers, its answer must be js-yaml's (core schema) exactly —
 * same values, same types, same key order — and where js-yaml refuses a text
 * it must not answer. Checked on every real file, a generated corpus, awkward
 * shapes, and 20,000 randomly mutated frontmatters.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../src/bench/generate-corpus.ts';
import { splitFrontmatter } from '../../src/core/load/frontmatter.ts';
import { parsePlainYaml } from '../../src/core/load/plain-yaml.ts';
import { repoRoot } from '../support/repo-root.ts';

type Outcome = { threw: true } | { threw: false; value: unknown };

function viaJsYaml(source: string): Outcome {
  try {
    return { threw: false, value: load(source, { schema: CORE_SCHEMA }) };
  } catch {
    return { threw: true };
  }
}

/** undefined when the reader gave the text to js-yaml; else whether it agreed. */
function agrees(source: string): boolean | undefined {
  const plain = parsePlainYaml(source);
  if (plain === undefined) return undefined;
  const expected = viaJsYaml(source);
  return !expected.threw && isDeepStrictEqual(plain, expected.value) && JSON.stringify(plain) === JSON.stringify(expected.value);
}

function frontmattersIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .filter((text) => /^---\r?\n/.test(text))
    .map((text) => splitFrontmatter(text).matter);
}

const codes = readdirSync(path.join(repoRoot, 'content', 'guidelines')).map((f) => f.replace(/\.md$/, ''));
const generated = [...generateCorpus({ docs: 400, guidelineCodes: codes })].map((f) => splitFrontmatter(f.text).matter);
const real = frontmattersIn(path.join(repoRoot, 'content'));
const sample = path.resolve(repoRoot, '..', 'shared', 'sunlight-sample');

function expectAgreement(sources: string[]) {
  let taken = 0;
  for (const source of sources) {
    const verdict = agrees(source);
    if (verdict === false) expect({ source, plain: parsePlainYaml(source) }).toEqual({ source, plain: viaJsYaml(source) });
    if (verdict) taken++;
  }
  return taken;
}

describe('real and generated frontmatter', () => {
  test("the project's content: same values, and nearly every file is taken", () => {
    expect(real.length).toBeGreaterThan(40);
    expect(expectAgreement(real)).toBeGreaterThan(real.length * 0.9);
  });

  test('a generated corpus of 400 documents: same values, every file taken', () => {
    expect(expectAgreement(generated)).toBe(generated.length);
  });

  test.skipIf(!existsSync(sample))('the Sunlight sample (skipped when ../shared is absent)', () => {
    expectAgreement(frontmattersIn(sample));
  });
});

/** Each text alone, with whether the reader takes it (and then must agree) or gives it to js-yaml. */
test.each([
  ['compact list under a key, then a key', '\nkey:\n- a\n- b: 1\n  c: 2\nnext: x', 'taken'],
  ['nested maps and lists', '\na:\n  b:\n    - c: 1\n      d:\n        - 2\n        - 3\n  e: f', 'taken'],
  ['list inside a list item map at the same indent', '\nl:\n  - a:\n    - x\n    b: 1', 'taken'],
  ['zero, negative, decimal, long integer', '\na: 0\nb: -5\nc: 1.50\nd: -0.0\ne: 12345678901234', 'taken'],
  ['minus zero (js-yaml: 0)', '\ng: -0', 'js-yaml'],
  ['leading zeros', '\nf: 007', 'js-yaml'],
  ['exponent', '\nh: 1e3', 'js-yaml'],
  ['hexadecimal', '\ni: 0x1F', 'js-yaml'],
  ['plus sign', '\nj: +3', 'js-yaml'],
  ['strings that nearly look like numbers', '\na: 555-0176\nb: 2026-01-01\nc: 10 days\nd: 1.2.3\nf: 3rd', 'taken'],
  ['minus then a letter', '\ne: -x', 'js-yaml'],
  ['special words', '\na: null\nb: Null\nd: true\ne: FALSE\nf: yes\ng: off\nh: True value', 'taken'],
  ['tilde', '\nc: ~', 'js-yaml'],
  ['simple quotes', '\na: "x: y"\ne: \'\'\nf: ""\ng: \'a "b"\'', 'taken'],
  ['escaped single quote', "\nb: 'it''s'", 'js-yaml'],
  ['backslash in double quotes', '\nc: "tab\\tin"', 'js-yaml'],
  ['quote inside double quotes', '\nd: "a"b"', 'js-yaml'],
  ['flow lists of integers and empty collections', '\na: []\nb: [1, 2]\nc: [ 3 ]\nf: {}', 'taken'],
  ['trailing comma', '\nd: [1,]', 'js-yaml'],
  ['flow list of words', '\ne: [a]', 'js-yaml'],
  ['flow map', '\ng: {a: 1}', 'js-yaml'],
  ['keys with spaces and brackets', '\nAdopted text: x\nHTML (marked-up): y\nconstructor: 6', 'taken'],
  ['key "null"', '\nnull: 1', 'js-yaml'],
  ['quoted key', '\n"quoted": 2', 'js-yaml'],
  ['space before the colon', '\nkey : 3', 'js-yaml'],
  ['__proto__ key', '\n__proto__: 4', 'js-yaml'],
  ['numeric key', '\n1: 5', 'js-yaml'],
  ['duplicate keys (js-yaml refuses)', '\na: 1\na: 2', 'js-yaml'],
  ['colons inside values', '\nurl: https://example.org/a:b\ntime: 8:30', 'taken'],
  ['colon and space inside a value', '\nbad: a: b', 'js-yaml'],
  ['value ending with a colon', '\nend: a:', 'js-yaml'],
  ['multi-line plain scalar', '\na: one\n  two\nb: 3', 'js-yaml'],
  ['block scalar', '\na: |\n  text', 'js-yaml'],
  ['comment after a value', '\na: 1 # note', 'js-yaml'],
  ['comment lines between entries and items', '\n# top\na: 1\n  # deeper\nb:\n# inside\n  - x\n    # more\n  - y\nc: https://example.org/p#part', 'taken'],
  ['anchor and alias', '\na: &x 1\nb: *x', 'js-yaml'],
  ['tag', '\nc: !!str 3', 'js-yaml'],
  ['odd indentation', '\na:\n    b: 1\n  c: 2', 'js-yaml'],
  ['tab', '\na:\t1', 'js-yaml'],
  ['CR', '\na: 1\r\nb: 2', 'js-yaml'],
  ['no-break spaces kept inside values', '\na: x\u00a0\nb: \u00a0y', 'taken'],
  ['no-break space as indentation', '\n\u00a0c: 1', 'js-yaml'],
  ['document marker', '\na: 1\n---\nb: 2', 'js-yaml'],
  ['top-level list', '\n- a\n- b', 'js-yaml'],
  ['dash without a space', '\na:\n  -1', 'js-yaml'],
  ['empty values', '\na:\nb:\n  \nc: 1', 'taken'],
  ['line separator', '\na: x\u2028y', 'js-yaml'],
  ['emoji', '\na: 😀', 'js-yaml'],
])('%s → %s', (_name, source, expected) => {
  expect(agrees(source)).toBe(expected === 'taken' ? true : undefined);
});

/** Seeded PRNG (mulberry32): the same stream on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('20,000 mutated frontmatters: wherever the reader answers, js-yaml gives the same', () => {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const pieces = [' ', '  ', ':', ': ', '-', '- ', '#', ' #', '\n#', '\n  # c\n', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', '~', '.', '0', '1', '-0', '0x1', '1e3', '.5', 'e', '\t', '\n', '\n  ', '\n- ', '\u00a0', '\u2028', 'null', 'true', 'No', '__proto__', 'a: b', '---', '...', '\\', 'é', '😀'];
  const bases = [...real, ...generated.slice(0, 200)];
  let answered = 0;
  for (let i = 0; i < 20_000; i++) {
    let source = pick(bases);
    const mutations = 1 + Math.floor(next() * 3);
    for (let m = 0; m < mutations; m++) {
      const at = Math.floor(next() * (source.length + 1));
      const cut = next() < 0.3 ? Math.floor(next() * 4) : 0;
      source = source.slice(0, at) + pick(pieces) + source.slice(at + cut);
    }
    const verdict = agrees(source);
    if (verdict === false) expect({ source, plain: parsePlainYaml(source) }).toEqual({ source, plain: viaJsYaml(source) });
    if (verdict) answered++;
  }
  // Many mutations leave the text in the subset: the comparison is not vacuous.
  expect(answered).toBeGreaterThan(5000);
});
