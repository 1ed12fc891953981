/**
 * The disk side of the Sunlight import: reads a Hub checkout, the output
 * folder and the project's guidelines, and writes a plan. Everything else is
 * in the pure files beside it.
 */
import { mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeContentBytes } from '../../load/decode.ts';
import { displayPath } from '../../load/read-files-fs.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ExistingContent, HubSource, PlannedWrite, SourceFile } from './source-file.ts';

/** The .md files of a folder, sorted by name (reproducible order); none when it does not exist. */
export async function readMarkdownFolder(dir: string): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names.filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort()) {
    const file = displayPath(path.join(dir, name));
    const decoded = decodeContentBytes(file, await readFile(path.join(dir, name)));
    // Mojibake is repaired (and re-checked) by the import itself; the other findings stand.
    diagnostics.push(...decoded.diagnostics.filter((d) => d.rule !== 'mojibake'));
    if (decoded.text !== undefined) files.push({ file, name, text: decoded.text });
  }
  return { files, diagnostics };
}

export async function readHub(hubDir: string): Promise<{ hub: HubSource; diagnostics: Diagnostic[] }> {
  const [policies, places, guidelines] = await Promise.all(
    ['_policies', '_places', '_guidelines'].map((sub) => readMarkdownFolder(path.join(hubDir, sub))),
  );
  return {
    hub: { policies: policies!.files, places: places!.files, guidelines: guidelines!.files },
    diagnostics: [...policies!.diagnostics, ...places!.diagnostics, ...guidelines!.diagnostics],
  };
}

/** One Hub-format policy file on its own. */
export async function readPolicyFile(file: string): Promise<{ source?: SourceFile; diagnostics: Diagnostic[] }> {
  const shown = displayPath(path.resolve(file));
  const decoded = decodeContentBytes(shown, await readFile(file));
  return {
    ...(decoded.text !== undefined ? { source: { file: shown, name: path.basename(file), text: decoded.text } } : {}),
    diagnostics: decoded.diagnostics.filter((d) => d.rule !== 'mojibake'),
  };
}

export async function readExisting(outDir: string): Promise<{ existing: ExistingContent; hasGuidelines: boolean }> {
  const byStem = (files: SourceFile[]) => new Map(files.map((f) => [f.name.replace(/\.md$/, ''), f]));
  const [places, policies, guidelines] = await Promise.all(
    ['places', 'policies', 'guidelines'].map((sub) => readMarkdownFolder(path.join(outDir, sub))),
  );
  return {
    existing: { places: byStem(places!.files), policies: byStem(policies!.files) },
    hasGuidelines: guidelines!.files.length > 0,
  };
}

/** Same folder on disk (links resolved); false when either does not exist. */
export async function sameFolder(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realpath(a).catch(() => undefined), realpath(b).catch(() => undefined)]);
  return ra !== undefined && ra === rb;
}

export async function writePlan(outDir: string, writes: readonly PlannedWrite[]): Promise<void> {
  for (const write of writes) {
    const target = path.join(outDir, ...write.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, write.text);
  }
}
