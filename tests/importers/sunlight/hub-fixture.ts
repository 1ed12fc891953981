/**
 * A tiny Sunlight Hub written by the tests into a temp dir: our own text, in
 * the Hub's shape (_policies, _places, _guidelines with frontmatter).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { planHubImport, type ImportOptions } from '../../../src/core/importers/sunlight/import-hub.ts';
import { readExisting, readHub, readMarkdownFolder, writePlan } from '../../../src/core/importers/sunlight/import-hub-fs.ts';
import { repoRoot } from '../../support/repo-root.ts';

export const PLACE_FILE = `---
place: riverbend-mo
title: Riverbend
states:
  - MO
type: local
x: -94.1
y: 39.05
wwc: false
---
`;

export function policyFile(body: string, extra = ''): string {
  return `---
place: riverbend-mo
year: 2019
date: 2019-05-06
legal_custom: Executive Order
sunlight: didnt
policy_url: https://example.org/riverbend/open-data.pdf
${extra}---

${body}
`;
}

/** Guideline facts only: two codes are enough for the importer's checks. */
export const GUIDELINE_FILES: Record<string, string> = {
  '01-proactive-release.md': '---\ncode: proactive-release\nnumber: 1\nname: Proactively release government information online\nsection: what-data-should-be-public\n---\n',
  '13-metadata.md': '---\ncode: metadata\nnumber: 13\nname: Require publishing metadata\nsection: how-to-make-data-public\n---\n',
};

const made: string[] = [];

export async function tempDir(prefix = 'sunlight-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Writes files (path relative to the dir → text) and returns the dir. */
export async function writeTree(files: Record<string, string>, dir?: string): Promise<string> {
  const root = dir ?? (await tempDir());
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  return root;
}

/** A hub with one place, the two guidelines, and the given policies. */
export async function writeHub(policies: Record<string, string>, places: Record<string, string> = { 'riverbend-mo.md': PLACE_FILE }): Promise<string> {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(policies)) files[`_policies/${name}`] = text;
  for (const [name, text] of Object.entries(places)) files[`_places/${name}`] = text;
  for (const [name, text] of Object.entries(GUIDELINE_FILES)) files[`_guidelines/${name}`] = text;
  return writeTree(files);
}

/** The project's own guidelines (content/guidelines), as the CLI reads them. */
export async function projectGuidelines() {
  return (await readMarkdownFolder(path.join(repoRoot, 'content', 'guidelines'))).files;
}

/** Reads a hub and an output dir, plans, and (unless dryRun) writes: what the CLI does, without printing. */
export async function runImport(hubDir: string, outDir: string, options: Partial<ImportOptions> & { dryRun?: boolean } = {}) {
  const { hub, diagnostics } = await readHub(hubDir);
  const { existing } = await readExisting(outDir);
  const plan = planHubImport(hub, existing, {
    projectGuidelines: options.projectGuidelines ?? [],
    copyGuidelines: options.copyGuidelines ?? false,
    unreadable: diagnostics,
    ...(options.policyId ? { policyId: options.policyId } : {}),
    ...(options.policyTitle ? { policyTitle: options.policyTitle } : {}),
  });
  if (!options.dryRun) await writePlan(outDir, plan.writes);
  return plan;
}
