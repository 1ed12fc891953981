/**
 * The pull-request path: a broken content file becomes a GitHub annotation on
 * its line, the workflow runs the commands CONTRIBUTING.md promises, and the
 * templates are well-formed (issue forms, checklist, an example CODEOWNERS
 * that assigns nobody until a maintainer fills it in).
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { VALID_FILES, writeContentFixture } from '../support/content-fixture.ts';
import { repoRoot } from '../support/repo-root.ts';

const read = (relative: string) => readFile(path.join(repoRoot, relative), 'utf8');

describe('npm run validate -- --format github', () => {
  const policy = VALID_FILES['policies/springfield-mo-2020-01-15.md']!.replace('sunlight: wwc', 'sunlight: yes');
  const faq = VALID_FILES['faqs/springfield-mo/records.md']!.replace('Ask the City Clerk [1].', 'Ask the City Clerk [3].');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
  let root = '';
  let run = { code: null as number | null, stdout: '', stderr: '' };

  beforeAll(async () => {
    root = await writeContentFixture({ 'policies/springfield-mo-2020-01-15.md': policy, 'faqs/springfield-mo/records.md': faq });
    // Run from the folder that holds the content, as CI runs from the repository root.
    run = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'validate.ts'), '--content', path.basename(root)], {
        cwd: path.dirname(root),
        env: { ...process.env, GITHUB_ACTIONS: 'true', KB_TODAY: '2026-06-02' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('fails the check', () => {
    expect(run.code).toBe(1);
  });

  test('a schema error is an annotation on the field line, with the rule and field as title', () => {
    const file = `${path.basename(root)}/policies/springfield-mo-2020-01-15.md`;
    const line = lineOf(policy, 'sunlight: yes');
    expect(run.stdout).toContain(`::error file=${file},line=${line},col=1,title=schema (sunlight)::sunlight: expected `);
    expect(run.stdout).toMatch(/found "yes".*\(docs\/rules\.md#schema\)/);
  });

  test('a body error is an annotation on the body line and column', () => {
    const file = `${path.basename(root)}/faqs/springfield-mo/records.md`;
    const line = lineOf(faq, '[3]');
    const column = faq.split('\n')[line - 1]!.indexOf('[3]') + 1;
    expect(run.stdout).toContain(`::error file=${file},line=${line},col=${column},title=unresolved-citation::[3] cites no source`);
  });

  test('only annotations on stdout, so GitHub reads every line', () => {
    expect(run.stdout.trim().split('\n').every((l) => /^::(error|warning) file=/.test(l))).toBe(true);
  });
});

describe('.github/workflows/pull-request.yml', () => {
  interface Step { run?: string; uses?: string; if?: string }
  let workflow: { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
  let scripts: Record<string, string>;
  beforeAll(async () => {
    workflow = parse(await read('.github/workflows/pull-request.yml'));
    scripts = (JSON.parse(await read('package.json')) as { scripts: Record<string, string> }).scripts;
  });
  const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');

  test('runs on pull requests', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
  });

  test('first job: install, validate with annotations, build, test — in that order', () => {
    const commands = workflow.jobs['content-build-test']!.steps.map((s) => s.run).filter(Boolean);
    expect(commands).toEqual(['npm install --no-audit --no-fund', 'npm run validate -- --format github', 'npm run build', 'npm test']);
  });

  test('second job: Chromium from apt, then the browser tests', () => {
    expect(runs('browser')).toContain('apt-get install -y chromium');
    expect(runs('browser')).toMatch(/CHROMIUM_PATH=/);
    expect(runs('browser').indexOf('npm run test:e2e')).toBeGreaterThan(runs('browser').indexOf('apt-get install'));
  });

  test('every npm script it calls exists', () => {
    const called = [...Object.keys(workflow.jobs)].flatMap((job) => [...runs(job).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(called.length).toBeGreaterThan(2);
    expect(called.filter((name) => !(name in scripts))).toEqual([]);
  });
});

describe('templates', () => {
  test.each(['correction.yml', 'new-city.yml'])('issue form %s is well-formed', async (name) => {
    const form = parse(await read(`.github/ISSUE_TEMPLATE/${name}`)) as {
      name: string; description: string; body: { type: string; id?: string; attributes: { label?: string; options?: unknown[]; value?: string } }[];
    };
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    const ids = form.body.filter((item) => item.type !== 'markdown').map((item) => item.id);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z0-9_-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of form.body) {
      expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']).toContain(item.type);
      if (item.type === 'markdown') expect(item.attributes.value).toBeTruthy();
      else expect(item.attributes.label).toBeTruthy();
      if (item.type === 'dropdown' || item.type === 'checkboxes') expect(item.attributes.options?.length).toBeGreaterThan(1);
    }
  });

  test('the correction form has a "page" field, so a link can prefill it (?template=correction.yml&page=…)', async () => {
    const form = parse(await read('.github/ISSUE_TEMPLATE/correction.yml')) as { body: { id?: string }[] };
    expect(form.body.some((item) => item.id === 'page')).toBe(true);
  });

  test('the pull request checklist covers sources, review date, personal data, validation and tagged passages', async () => {
    const template = await read('.github/pull_request_template.md');
    const items = template.split('\n').filter((line) => line.startsWith('- [ ]'));
    for (const topic of [/sources cited/i, /review date/i, /personal data/i, /npm run validate/, /tagged passages/i]) {
      expect(items.some((item) => topic.test(item)), String(topic)).toBe(true);
    }
  });

  test('CODEOWNERS is an example only: every rule is commented out, no real handle is invented', async () => {
    const lines = (await read('.github/CODEOWNERS')).split('\n');
    expect(lines.filter((line) => line.trim() && !line.trim().startsWith('#'))).toEqual([]);
    const examples = lines.filter((line) => /^# \S+\s+@/.test(line));
    expect(examples.length).toBeGreaterThan(3);
    expect(examples.every((line) => line.includes('@YOUR-ORG/'))).toBe(true);
  });
});
