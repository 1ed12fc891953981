/**
 * The whole real sample of the Sunlight Hub (../shared/sunlight-sample, not in
 * the repository) imported into a temp dir: every file lands, every policy
 * passes the schema, the folder validates, nothing the repairs target is
 * left, every tagged span became a passage, and a second import is identical.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFrontmatter } from '../../../src/core/load/frontmatter.ts';
import { decodeContentBytes } from '../../../src/core/load/decode.ts';
import { classesOf, scanSpans } from '../../../src/core/passages/scan-spans.ts';
import { policySchema } from '../../../src/core/schema/policy.ts';
import { placeSchema } from '../../../src/core/schema/place.ts';
import { validateContent } from '../../../src/core/validate.ts';
import { repoRoot } from '../../support/repo-root.ts';
import { projectGuidelines, removeTempDirs, runImport, tempDir } from './hub-fixture.ts';

const SAMPLE = path.resolve(repoRoot, '../shared/sunlight-sample');
const present = await access(path.join(SAMPLE, '_policies')).then(() => true, () => false);
if (!present) console.warn(`skipped: the Sunlight Hub sample is not at ${SAMPLE}`);

async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const sub of ['guidelines', 'places', 'policies']) {
    for (const name of (await readdir(path.join(dir, sub))).sort()) out.set(`${sub}/${name}`, await readFile(path.join(dir, sub, name), 'utf8'));
  }
  return out;
}

describe.skipIf(!present)('the Sunlight Hub sample (../shared/sunlight-sample)', () => {
  let outDir = '';
  let plan: Awaited<ReturnType<typeof runImport>>;
  let tree: Map<string, string>;
  const policies = () => [...tree].filter(([p]) => p.startsWith('policies/'));

  beforeAll(async () => {
    outDir = await tempDir('sunlight-sample-');
    plan = await runImport(SAMPLE, outDir, { projectGuidelines: await projectGuidelines(), copyGuidelines: true });
    tree = await readTree(outDir);
  });
  afterAll(removeTempDirs);

  test('54 policies and 52 places written, none refused', async () => {
    const hubPolicies = (await readdir(path.join(SAMPLE, '_policies'))).filter((n) => n.endsWith('.md'));
    expect(hubPolicies).toHaveLength(54);
    expect(plan.report.outcomes.filter((o) => o.status === 'refused')).toEqual([]);
    expect(policies()).toHaveLength(54);
    expect([...tree.keys()].filter((p) => p.startsWith('places/'))).toHaveLength(52);
    // Ids are the Hub's file names.
    expect(policies().map(([p]) => path.basename(p)).sort()).toEqual(hubPolicies.sort());
  });

  test('every written policy and place passes its schema', () => {
    for (const [file, text] of tree) {
      if (file.startsWith('guidelines/')) continue;
      const parsed = parseFrontmatter(file, text);
      expect(parsed.diagnostics, file).toEqual([]);
      const result = (file.startsWith('policies/') ? policySchema : placeSchema).safeParse(parsed.data);
      expect(result.success, `${file}: ${result.error?.message}`).toBe(true);
    }
  });

  test('the whole output folder validates with zero errors', async () => {
    const result = await validateContent(outDir);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('nothing the repairs target is left in any policy', () => {
    for (const [file, text] of policies()) {
      expect(decodeContentBytes(file, new TextEncoder().encode(text)).diagnostics, file).toEqual([]);
      expect(text, file).not.toMatch(/<style\b|<img\b|<p\s*\/>|[ \t]+\n\n/);
      const body = parseFrontmatter(file, text).body;
      // Paragraph tags alternate open, close, open, close…
      const tags = [...body.matchAll(/<(\/?)p[\s>]/g)].map((m) => m[1]);
      expect(tags.every((slash, i) => slash === (i % 2 ? '/' : '')), file).toBe(true);
      expect(tags.length % 2, file).toBe(0);
      for (const span of scanSpans(body).spans) {
        for (const cls of span.classes) expect(cls, file).toMatch(/^(g|def)-[a-z-]+$/);
      }
    }
  });

  test('every g- span of the Hub became a passage', async () => {
    let tagged = 0;
    for (const name of await readdir(path.join(SAMPLE, '_policies'))) {
      const text = await readFile(path.join(SAMPLE, '_policies', name), 'utf8');
      for (const m of text.matchAll(/<span\b([^>]*)>/g)) tagged += classesOf(m[1]!).filter((c) => c.startsWith('g-')).length;
    }
    expect(plan.report.passages).toHaveLength(31);
    expect(plan.report.passages.reduce((n, p) => n + p.passages, 0)).toBe(tagged);
  });

  test('importing twice gives byte-identical output; re-importing into the same folder writes nothing', async () => {
    const again = await tempDir('sunlight-sample-');
    await runImport(SAMPLE, again, { projectGuidelines: await projectGuidelines(), copyGuidelines: true });
    expect(await readTree(again)).toEqual(tree);
    const reimport = await runImport(SAMPLE, outDir, { projectGuidelines: await projectGuidelines() });
    expect(reimport.writes).toEqual([]);
    expect(new Set(reimport.report.outcomes.map((o) => o.status))).toEqual(new Set(['unchanged']));
  });
});
