/**
 * Each refusal on a small hub written here: the file is reported with the
 * rule, the line and a hint, and nothing is written for it; the good file
 * beside it is imported all the same.
 */
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { summarizeImport } from '../../../src/core/importers/sunlight/report.ts';
import { policyFile, removeTempDirs, runImport, tempDir, writeHub } from './hub-fixture.ts';

afterAll(removeTempDirs);

const GOOD = policyFile('<span class="g-metadata">The city publishes metadata.</span>');

async function importWithBad(name: string, text: string) {
  const hubDir = await writeHub({ 'riverbend-mo-2019-05-06.md': GOOD, [name]: text });
  const outDir = await tempDir();
  const plan = await runImport(hubDir, outDir);
  const outcome = plan.report.outcomes.find((o) => o.file.endsWith(name))!;
  const written = await readdir(path.join(outDir, 'policies'));
  return { plan, outcome, written, outDir };
}

describe('refusals', () => {
  test('a file with no frontmatter', async () => {
    const { outcome, written } = await importWithBad('riverbend-mo-2019-05-06-b.md', 'Just a policy text, no keys.\n');
    expect(outcome.status).toBe('refused');
    expect(outcome.diagnostics).toMatchObject([{ rule: 'frontmatter', line: 1, severity: 'error' }]);
    expect(written).toEqual(['riverbend-mo-2019-05-06.md']);
  });

  test('a place with no place file, with the nearest slug suggested', async () => {
    const text = policyFile('Text.').replace('place: riverbend-mo', 'place: riverbend-ms');
    const { outcome, written } = await importWithBad('riverbend-ms-2019-05-06.md', text);
    expect(outcome.status).toBe('refused');
    expect(outcome.diagnostics).toMatchObject([{ rule: 'unknown-place', field: 'place', line: 2, hint: 'did you mean "riverbend-mo"?' }]);
    expect(written).toEqual(['riverbend-mo-2019-05-06.md']);
  });

  test('an unknown g- code, at its line, with did-you-mean among the codes', async () => {
    const body = 'Intro.\n\n<span class="g-metdata">Publish metadata.</span>\n';
    const { outcome, written } = await importWithBad('riverbend-mo-2019-05-06-b.md', policyFile(body));
    expect(outcome.status).toBe('refused');
    // Frontmatter is lines 1–8, a blank line, then the body: "Intro." is line 10, the span line 12.
    expect(outcome.diagnostics).toMatchObject([{ rule: 'unknown-guideline', line: 12, column: 1, hint: 'did you mean "g-metadata"?' }]);
    expect(written).toEqual(['riverbend-mo-2019-05-06.md']);
  });

  test('an unclosed span', async () => {
    const { outcome } = await importWithBad('riverbend-mo-2019-05-06-b.md', policyFile('<span class="g-metadata">Never closed.\n'));
    expect(outcome.status).toBe('refused');
    expect(outcome.diagnostics).toMatchObject([{ rule: 'unbalanced-span', line: 10 }]);
  });

  test('a schema error names the field and its line', async () => {
    const text = policyFile('Text.').replace('sunlight: didnt', 'sunlight: maybe');
    const { outcome } = await importWithBad('riverbend-mo-2019-05-06-b.md', text);
    expect(outcome.status).toBe('refused');
    expect(outcome.diagnostics).toMatchObject([{ rule: 'schema', field: 'sunlight', line: 6 }]);
  });

  test('the summary counts refusals with their reasons', async () => {
    const { plan } = await importWithBad('riverbend-mo-2019-05-06-b.md', 'no frontmatter\n');
    const summary = summarizeImport(plan.report);
    expect(summary.files.policy).toMatchObject({ read: 2, written: 1, refused: 1 });
    expect(summary.refused.map((d) => d.rule)).toEqual(['frontmatter']);
  });

  test('a place that fails the schema is refused, and so are its policies', async () => {
    const badPlace = '---\nplace: riverbend-mo\ntitle: Riverbend\nstates:\n  - Missouri\ntype: local\nx: -94.1\ny: 39.05\n---\n';
    const hubDir = await writeHub({ 'riverbend-mo-2019-05-06.md': GOOD }, { 'riverbend-mo.md': badPlace });
    const outDir = await tempDir();
    const plan = await runImport(hubDir, outDir);
    expect(plan.report.outcomes.map((o) => [o.kind, o.status])).toEqual([['place', 'refused'], ['policy', 'refused']]);
    expect(plan.report.outcomes[0]!.diagnostics[0]).toMatchObject({ rule: 'schema', field: 'state', line: 4 });
    await expect(access(path.join(outDir, 'places'))).rejects.toThrow();
  });
});
