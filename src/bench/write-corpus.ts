/**
 * Writes the synthetic corpus (src/bench/generate-corpus.ts) to a folder, with
 * a copy of the project's own 31 guidelines. Files are written as they are
 * generated, a few at a time, so a 100k corpus never sits in memory whole.
 */
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus, planCorpus, type CorpusPlan } from './generate-corpus.ts';

export interface WrittenCorpus {
  dir: string;
  plan: CorpusPlan;
  /** Files written per kind folder, guidelines included. */
  files: Record<string, number>;
  bytes: number;
}

/** Guideline codes from a guidelines folder's file names. */
export async function guidelineCodesIn(guidelinesDir: string): Promise<string[]> {
  return (await readdir(guidelinesDir)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
}

export async function writeCorpus(options: { dir: string; docs: number; seed?: number | undefined; guidelinesDir: string }): Promise<WrittenCorpus> {
  const { dir, docs, seed, guidelinesDir } = options;
  await cp(guidelinesDir, path.join(dir, 'guidelines'), { recursive: true });
  const guidelineCodes = await guidelineCodesIn(guidelinesDir);
  const files: Record<string, number> = { guidelines: guidelineCodes.length };
  const madeDirs = new Set<string>();
  let bytes = 0;
  let batch: Promise<void>[] = [];
  for (const file of generateCorpus({ docs, guidelineCodes, seed })) {
    const target = path.join(dir, file.relative);
    const parent = path.dirname(target);
    if (!madeDirs.has(parent)) {
      await mkdir(parent, { recursive: true });
      madeDirs.add(parent);
    }
    const folder = file.relative.split('/')[0]!;
    files[folder] = (files[folder] ?? 0) + 1;
    bytes += Buffer.byteLength(file.text);
    batch.push(writeFile(target, file.text));
    if (batch.length >= 64) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  return { dir, plan: planCorpus(docs), files, bytes };
}
