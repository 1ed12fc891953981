/**
 * `npm run new`: each kind is written into the right folder of a temp content
 * folder, the validator names exactly the placeholders left, and once the test
 * fills them the file validates. It never overwrites, and refuses bad input
 * before writing anything.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectInputs, SCAFFOLDS, scaffoldContext } from '../../src/core/scaffold/index.ts';
import { validateContent } from '../../src/core/validate.ts';
import { writeContentFixture } from '../support/content-fixture.ts';
import { repoRoot } from '../support/repo-root.ts';

const TODAY = '2026-11-23';
let root = '';

beforeAll(async () => {
  root = await writeContentFixture();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs scripts/new.ts with stdin closed (not a terminal): flags only, as in CI. */
function runNew(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'new.ts'), ...args, '--content', root], {
      cwd: repoRoot,
      env: { ...process.env, KB_TODAY: TODAY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Diagnostics of one file as [rule, field, severity] rows. */
async function problemsOf(relative: string) {
  const { diagnostics } = await validateContent(root, { today: TODAY });
  return diagnostics.filter((d) => path.resolve(d.file) === path.join(root, relative)).map((d) => [d.rule, d.field, d.severity]);
}

/** What an editor does: replace every placeholder with real text, add the links. */
function fill(text: string, links: [after: RegExp, line: string][]): string {
  let filled = text
    .replace(/"TODO: [^"]*"/g, (match) => (match.includes('[1]') ? '"Filled in from the source [1]"' : '"Filled in from the source"'))
    .replace(/^TODO: .*$/gm, (line) => (line.includes('[1]') ? 'Residents ask the City Clerk [1].' : 'The city publishes its data.'));
  for (const [after, line] of links) filled = filled.replace(after, (match) => `${match}\n${line}`);
  return filled;
}

const CASES = [
  {
    kind: 'place',
    args: ['--place', 'lees-summit-mo', '--kind', 'city'],
    file: 'places/lees-summit-mo.md',
    left: [['placeholder', 'name', 'error']],
    links: [],
  },
  {
    kind: 'contact',
    args: ['--place', 'springfield-mo', '--name', 'City Attorney', '--role', 'attorney'],
    file: 'contacts/springfield-mo/city-attorney.md',
    left: [['placeholder', 'handles.0', 'error']],
    links: [],
  },
  {
    kind: 'policy',
    args: ['--place', 'springfield-mo', '--date', '2021-02-03', '--contacts', 'springfield-mo/city-clerk'],
    file: 'policies/springfield-mo-2021-02-03.md',
    left: [
      ['placeholder', 'title', 'error'],
      ['policy-source', 'title', 'warning'],
      ['placeholder', 'legal_custom', 'error'],
      ['placeholder', undefined, 'error'], // the body line
    ],
    links: [[/^sunlight: .*$/m, 'policy_url: https://records.example.org/springfield-2021.pdf']],
  },
  {
    kind: 'faq',
    args: ['--place', 'springfield-mo', '--topic', 'data-privacy', '--contacts', 'springfield-mo/city-clerk'],
    file: 'faqs/springfield-mo/data-privacy.md',
    left: [
      ['placeholder', 'title', 'error'],
      ['placeholder', 'summary', 'error'],
      ['placeholder', 'enforcement.enforcers.0.role', 'error'],
      ['placeholder', 'questions.0.q', 'error'],
      ['placeholder', 'questions.0.a', 'error'],
      ['source-without-url', 'sources.0', 'warning'],
      ['placeholder', 'sources.0.title', 'error'],
      ['placeholder', undefined, 'error'], // the body line
    ],
    links: [[/^ {4}title: .*$/m, '    url: https://code.example.org/springfield/privacy']],
  },
] as const;

describe.each(CASES)('npm run new -- $kind', ({ kind, args, file, left, links }) => {
  test('writes the skeleton and the validator names exactly the placeholders left', async () => {
    const run = await runNew([kind, ...args]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${path.join(root, file)}`);
    expect(await problemsOf(file)).toEqual(left);
    // The CLI prints the same list the validator gives.
    expect(run.stdout.match(/^ {2}(must|should) fix /gm)?.length ?? 0).toBe(left.length);
  });

  test('after the placeholders are filled, the file validates', async () => {
    const target = path.join(root, file);
    await writeFile(target, fill(await readFile(target, 'utf8'), links as unknown as [RegExp, string][]));
    expect(await problemsOf(file)).toEqual([]);
  });

  test('refuses to overwrite it', async () => {
    const before = await readFile(path.join(root, file), 'utf8');
    const run = await runNew([kind, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists: nothing was written');
    expect(await readFile(path.join(root, file), 'utf8')).toBe(before);
  });
});

describe('today and references', () => {
  test('an FAQ is reviewed today, and the CLI lists the places and contacts it can reference', async () => {
    const run = await runNew(['faq', '--place', 'springfield-mo', '--topic', 'open-data']);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(root, 'faqs/springfield-mo/open-data.md'), 'utf8')).toContain(`last_reviewed: ${TODAY}\n`);
    expect(run.stdout).toContain('Places you can use:');
    expect(run.stdout).toContain('  springfield-mo  (Springfield, MO)');
    expect(run.stdout).toContain('springfield-mo/city-clerk  (City Clerk)');
  });
});

describe('bad input writes nothing', () => {
  // Each case only reads the folder, so they run side by side.
  test.concurrent.each([
    { args: ['faq', '--place', 'springfield-mo'], message: 'missing --topic', code: 2 },
    { args: ['faq', '--place', 'springfeld-mo', '--topic', 'x'], message: 'no place "springfeld-mo" in the content folder (did you mean "springfield-mo"?)', code: 2 },
    { args: ['policy', '--place', 'springfield-mo', '--date', '2021-02-30'], message: '"2021-02-30" is not a date written YYYY-MM-DD', code: 2 },
    { args: ['policy', '--place', 'springfield-mo', '--date', '2021-02-03', '--year', '2020'], message: 'the year 2020 disagrees with the date 2021-02-03', code: 2 },
    { args: ['contact', '--place', 'springfield-mo', '--name', 'City Clerk', '--role', 'secretary'], message: 'choose one of clerk, attorney', code: 2 },
    { args: ['faq', '--place', 'springfield-mo', '--topic', 'Open Data'], message: '"Open Data" is not a slug', code: 2 },
    { args: ['faq', '--place', 'springfield-mo', '--topic', 'x', '--contacts', 'springfield-mo/clerk'], message: 'no contact "springfield-mo/clerk" (did you mean "springfield-mo/city-clerk"?)', code: 2 },
    { args: ['town'], message: 'unknown kind "town"', code: 2 },
  ])('$args.0 $args.1 $args.2 $args.3 …: $message', async ({ args, message, code }) => {
    const before = (await validateContent(root, { today: TODAY })).files;
    const run = await runNew(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect((await validateContent(root, { today: TODAY })).files).toBe(before);
  });

  test('a missing content folder is named', async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'new.ts'), 'place', '--content', path.join(root, 'nope')], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('content folder not found');
    await expect(stat(path.join(root, 'nope'))).rejects.toThrow();
  });
});

describe('interactive prompts (a scripted terminal)', () => {
  test('asks for each missing input, re-asks after a refused answer, proposes the slug', async () => {
    const context = scaffoldContext((await validateContent(root, { today: TODAY })).documents, TODAY);
    const answers = ["Lee's Summit", 'mo', 'MO', '', 'town', 'city'];
    const asked: string[] = [];
    const said: string[] = [];
    const result = await collectInputs(SCAFFOLDS.place, {}, context, {
      ask: async (question) => {
        asked.push(question);
        return answers.shift() ?? '';
      },
      say: (line) => said.push(line),
    });
    expect(result).toEqual({ ok: true, values: { name: "Lee's Summit", state: 'MO', place: 'lees-summit-mo', kind: 'city' } });
    expect(asked[3]).toContain('[lees-summit-mo]');
    expect(asked[4]).toContain('(city, county, state, agency, local)');
    expect(said).toContain('  "mo" is not a USPS state code in capitals, e.g. "MO"');
    expect(said).toContain('  choose one of city, county, state, agency, local');
    expect(said).toContain('  springfield-mo  (Springfield, MO)'); // places already there, before the slug question
  });

  test('gives up after three refused answers instead of looping on a closed terminal', async () => {
    const context = scaffoldContext([], TODAY);
    const result = await collectInputs(SCAFFOLDS.faq, {}, context, { ask: async () => '', say: () => {} });
    expect(result).toEqual({ ok: false, problems: ['place: an answer is needed here'] });
  });
});

/** util-linux `script` gives the CLI a real terminal (a pty), as an editor's shell does. */
const SCRIPT = '/usr/bin/script';

describe.skipIf(!existsSync(SCRIPT))('on a real terminal (util-linux script; skipped where it is missing)', () => {
  function runOnTerminal(args: string[], typed: string): Promise<{ output: string }> {
    const quoted = [process.execPath, path.join(repoRoot, 'scripts', 'new.ts'), ...args, '--content', root].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    return new Promise((resolve, reject) => {
      const child = spawn(SCRIPT, ['-qfec', `${quoted}; echo "exit=$?"`, '/dev/null'], { cwd: repoRoot, env: { ...process.env, KB_TODAY: TODAY }, stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => resolve({ output: output.replace(/\r/g, '').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') }));
      // Everything typed at once, before the first question: answers typed ahead are kept.
      child.stdin.end(typed);
    });
  }

  test('asks the questions and writes the answers', async () => {
    const { output } = await runOnTerminal(['contact'], 'springfield-mo\nRecords Office\n\nwizard\nrecords\n');
    expect(output).toContain('Place of the office (its slug): springfield-mo');
    expect(output).toContain('Slug for the file name, e.g. city-clerk [records-office]: ');
    expect(output).toContain('  choose one of clerk, attorney'); // "wizard" is refused, then asked again
    expect(output).toContain('exit=0');
    expect(await readFile(path.join(root, 'contacts/springfield-mo/records-office.md'), 'utf8')).toMatch(/^name: Records Office\nrole: records\nplace: springfield-mo\n/m);
  });

  test('Ctrl+D (end of input) cancels without writing', async () => {
    const { output } = await runOnTerminal(['faq'], 'springfield-mo\n');
    expect(output).toContain('Cancelled: nothing was written.');
    expect(output).toContain('exit=130');
  });
});
