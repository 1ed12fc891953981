/**
 * Vitest global setup for the browser tests: builds the site once into
 * .build-tmp/e2e-dist and hands its path to the tests as inject('distDir').
 * Set E2E_DIST to an existing build to skip the build (and BASE_PATH to the base it
 * was built with, if any).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { normalizeBase } from '../../src/site-config.ts';
import { repoRoot } from './repo-root.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built site the browser tests serve. */
    distDir: string;
    /** BASE_PATH the site was built with, normalized ("/" or "/kb/"). */
    basePath: string;
    /** Pagefind's maxFragments for this build (0: unknown, a build given by E2E_DIST). */
    maxFragments: number;
  }
}

/**
 * The test site has ~60 searchable pages: cap Pagefind's fragment files well below
 * that so the browser tests search an index whose fragments are packed, as a
 * 100k-document build's are (scripts/lib/search-index.ts).
 */
const E2E_MAX_FRAGMENTS = 12;

export async function setup(project: TestProject): Promise<void> {
  project.provide('basePath', normalizeBase(process.env['BASE_PATH']));
  project.provide('maxFragments', 0);
  const given = process.env['E2E_DIST'];
  if (given) {
    const distDir = path.resolve(given);
    const isDir = await stat(distDir).then((info) => info.isDirectory(), () => false);
    if (!isDir) throw new Error(`E2E_DIST points at ${distDir}, which is not a directory. Build first or unset it.`);
    project.provide('distDir', distDir);
    return;
  }
  const outDir = path.join(repoRoot, '.build-tmp', 'e2e-dist');
  const contentDir = path.join(repoRoot, process.env['KB_CONTENT_DIR'] ?? 'content');
  const startedAt = performance.now();
  const build = await buildSite(contentDir, { outDir, env: { KB_SEARCH_MAX_FRAGMENTS: String(E2E_MAX_FRAGMENTS) } });
  if (!build.ok) {
    throw new Error(`Building the site for the browser tests failed (exit ${build.exitCode}):\n${build.output}`);
  }
  console.log(`[e2e] site built into ${path.relative(repoRoot, outDir)} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  project.provide('distDir', outDir);
  project.provide('maxFragments', E2E_MAX_FRAGMENTS);
}
