/**
 * Builds the site from a content folder into a fresh temporary output folder by
 * running scripts/build.ts in a child process (Astro's build is not meant to run
 * twice in one process).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';

export interface SiteBuild {
  /** True when the build script exited with status 0. */
  ok: boolean;
  exitCode: number | null;
  /** The built site (only populated when ok). */
  outDir: string;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
  /** Deletes the temporary output folder. */
  cleanup: () => Promise<void>;
}

export interface BuildSiteOptions {
  /** Extra environment, e.g. { BASE_PATH: '/kb/', REPO_URL: 'https://github.com/o/r' }. */
  env?: Record<string, string>;
  /** Output folder; by default a new folder under the OS temp dir. */
  outDir?: string;
}

/** Runs `scripts/build.ts --content <contentDir> --out <tmp>`; never throws on a failed build. */
export async function buildSite(contentDir: string, options: BuildSiteOptions = {}): Promise<SiteBuild> {
  const tempParent = options.outDir ? undefined : await mkdtemp(path.join(os.tmpdir(), 'kb-site-'));
  const outDir = options.outDir ?? path.join(tempParent!, 'dist');
  const { exitCode, output } = await runNode(
    [path.join(repoRoot, 'scripts', 'build.ts'), '--content', path.resolve(contentDir), '--out', outDir],
    { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
  );
  return {
    ok: exitCode === 0,
    exitCode,
    outDir,
    output,
    cleanup: async () => {
      await rm(tempParent ?? outDir, { recursive: true, force: true });
    },
  };
}

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // process.execPath is the pinned Node 24 that runs vitest; the system node is too old.
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output }));
  });
}
