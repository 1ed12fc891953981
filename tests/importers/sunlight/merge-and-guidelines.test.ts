/**
 * Importing into a folder that already has content: places merged (existing
 * fields win, absent ones filled, never duplicated), hand-curated policy titles
 * kept; guideline facts checked against ours, and ours copied where missing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareGuidelines, type GuidelineFacts } from '../../../src/core/importers/sunlight/check-guidelines.ts';
import { policyFile, projectGuidelines, removeTempDirs, runImport, tempDir, writeHub, writeTree } from './hub-fixture.ts';

afterAll(removeTempDirs);

const HUB_POLICY = { 'riverbend-mo-2019-05-06.md': policyFile('<span class="g-metadata">Metadata for all.</span>') };

describe('places already in the output', () => {
  test('existing fields win, absent fields are filled, the body stays, one file', async () => {
    const existing = '---\nname: City of Riverbend\nkind: city\nstate: MO\nrecords_request_url: https://example.org/records\n---\n\nOur own notes on Riverbend.\n';
    const outDir = await writeTree({ 'places/riverbend-mo.md': existing });
    const plan = await runImport(await writeHub(HUB_POLICY), outDir);
    expect(plan.report.outcomes.find((o) => o.kind === 'place')!.status).toBe('merged');
    expect(await readdir(path.join(outDir, 'places'))).toEqual(['riverbend-mo.md']);
    expect(await readFile(path.join(outDir, 'places', 'riverbend-mo.md'), 'utf8')).toBe(
      '---\nname: City of Riverbend\nkind: city\nstate: MO\nrecords_request_url: https://example.org/records\ncoordinates:\n  lat: 39.05\n  lon: -94.1\nwwc: false\n---\n\nOur own notes on Riverbend.\n',
    );
    // The policy title takes the place's name as it stands in the output.
    const policy = await readFile(path.join(outDir, 'policies', 'riverbend-mo-2019-05-06.md'), 'utf8');
    expect(policy).toContain('title: City of Riverbend Executive Order, 2019-05-06\n');
  });

  test('a second import changes nothing and says so', async () => {
    const hubDir = await writeHub(HUB_POLICY);
    const outDir = await tempDir();
    await runImport(hubDir, outDir);
    const second = await runImport(hubDir, outDir);
    expect(second.writes).toEqual([]);
    expect(second.report.outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
  });

  test('a policy title curated by hand survives a re-import', async () => {
    const hubDir = await writeHub(HUB_POLICY);
    const outDir = await tempDir();
    await runImport(hubDir, outDir, { policyTitle: 'Riverbend Open Data Order' });
    const again = await runImport(hubDir, outDir);
    expect(again.report.outcomes.find((o) => o.kind === 'policy')!.status).toBe('unchanged');
    expect(await readFile(path.join(outDir, 'policies', 'riverbend-mo-2019-05-06.md'), 'utf8')).toContain('title: Riverbend Open Data Order\n');
  });

  test('a policy may name a place that exists only in the output folder', async () => {
    const outDir = await writeTree({ 'places/riverbend-mo.md': '---\nname: Riverbend\nkind: city\nstate: MO\n---\n' });
    const plan = await runImport(await writeHub(HUB_POLICY, {}), outDir);
    expect(plan.report.outcomes.map((o) => [o.kind, o.status])).toEqual([['policy', 'written']]);
  });
});

describe('guidelines', () => {
  const facts = (code: string, number: number, name: string, category: string, file = 'x.md'): GuidelineFacts => ({ file, code, number, name, category, line: () => 3 });

  test('number, name and category mismatches, and codes missing on either side', () => {
    const hub = [facts('metadata', 13, 'Require publishing metadata', 'how-to-make-data-public', 'hub.md'), facts('funding', 29, 'Ensure sufficient funding', 'how-to-implement-policy', 'hub.md')];
    const ours = [facts('metadata', 12, 'Require metadata', 'what-data-should-be-public', 'ours.md'), facts('open-code', 16, 'Require code sharing', 'how-to-make-data-public', 'ours.md')];
    const found = compareGuidelines(hub, ours);
    expect(found.map((d) => [d.file, d.field])).toEqual([
      ['ours.md', 'number'], ['ours.md', 'name'], ['ours.md', 'category'], ['hub.md', 'code'], ['ours.md', 'code'],
    ]);
  });

  test('quote style and spacing are not a mismatch', () => {
    expect(compareGuidelines([facts('a', 1, "Build on the community's values", 'x')], [facts('a', 1, 'Build on the  community’s values', 'x')])).toEqual([]);
  });

  test("the project's guidelines agree with the facts of the Hub fixture", async () => {
    const ours = await projectGuidelines();
    expect(ours.length).toBe(31);
    const plan = await runImport(await writeHub(HUB_POLICY), await tempDir(), { projectGuidelines: ours });
    // The fixture names 2 of the 31: the other 29 are ours alone, and reported as such.
    expect(plan.report.guidelineChecks.filter((d) => d.field !== 'code')).toEqual([]);
    expect(plan.report.guidelineChecks).toHaveLength(ours.length - 2);
  });

  test("an output folder without guidelines gets the project's own, byte for byte", async () => {
    const ours = await projectGuidelines();
    const outDir = await tempDir();
    const plan = await runImport(await writeHub(HUB_POLICY), outDir, { projectGuidelines: ours, copyGuidelines: true });
    expect(plan.report.copiedGuidelines).toHaveLength(ours.length);
    for (const g of ours) expect(await readFile(path.join(outDir, 'guidelines', g.name), 'utf8')).toBe(g.text);
  });
});
