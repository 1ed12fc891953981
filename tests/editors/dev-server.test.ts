/**
 * The editor's preview: `astro dev` on a content folder picks up edits without
 * a restart, and a content error shows in the browser overlay with the
 * validator's file:line message — then the page comes back once the file is
 * fixed. Astro answers a failing page with a 500 whose HTML only names the
 * error ("ContentError") and loads Vite's client; the message itself reaches
 * the overlay over Vite's websocket, so that is where this test reads it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeContentFixture } from '../support/content-fixture.ts';
import { repoRoot } from '../support/repo-root.ts';

const STARTUP_MS = 120_000;
const CHANGE_MS = 30_000;

let contentDir = '';
let cacheDir = '';
let server: ChildProcess | undefined;
let origin = '';
let log = '';
const placeFile = () => path.join(contentDir, 'places', 'springfield-mo.md');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The environment an editor's terminal has: without vitest's NODE_ENV=test and
 * VITEST* variables, under which Astro's dev server answers 404 for every page.
 */
function editorEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
}

/** Polls until `check` returns a value, or fails after `ms` with what was last seen. */
async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last: ${String(last)})` : ''}\n--- dev server log ---\n${log.slice(-3000)}`);
}

async function get(sitePath: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${origin}${sitePath}`, { signal: AbortSignal.timeout(20_000) });
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  contentDir = await writeContentFixture();
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'kb-dev-cache-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // `astro dev` as `npm run dev` starts it, with its own cache folder so this run's
  // data store does not mix with a developer's.
  const start = `import { dev } from 'astro'; await dev({ root: ${JSON.stringify(repoRoot)}, cacheDir: ${JSON.stringify(cacheDir)}, server: { host: '127.0.0.1', port: ${port} } });`;
  server = spawn(process.execPath, ['--input-type=module', '-e', start], {
    cwd: repoRoot,
    env: { ...editorEnvironment(), KB_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', KB_TODAY: '2026-06-02' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitFor('the dev server to serve the place page', STARTUP_MS, async () => ((await get('/places/springfield-mo/')).status === 200 ? true : undefined));
}, STARTUP_MS + 10_000);

afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM'); // the whole group: Astro's workers too
    } catch {
      // already gone
    }
  }
  await rm(contentDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

/** Connects to Vite's HMR websocket as the browser's client does, keeping every message. */
async function overlayChannel(): Promise<{ messages: { type: string; err?: { message: string } }[]; close: () => void }> {
  const client = await (await fetch(`${origin}/@vite/client`)).text();
  const token = /const wsToken = "([^"]*)"/.exec(client)?.[1];
  if (token === undefined) throw new Error('no wsToken in /@vite/client');
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/?token=${token}`, 'vite-hmr');
  const messages: { type: string; err?: { message: string } }[] = [];
  socket.addEventListener('message', (event) => messages.push(JSON.parse(String(event.data))));
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  return { messages, close: () => socket.close() };
}

describe('npm run dev with a content folder', () => {
  test('serves the page from the content', async () => {
    const page = await get('/places/springfield-mo/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>Springfield');
  });

  test('an edit shows on the next request, without a restart', async () => {
    const original = await readFile(placeFile(), 'utf8');
    await writeFile(placeFile(), original.replace('name: Springfield', 'name: Springfield Renamed'));
    const html = await waitFor('the renamed place', CHANGE_MS, async () => {
      const page = await get('/places/springfield-mo/');
      return page.html.includes('Springfield Renamed') ? page.html : undefined;
    });
    expect(html).toContain('<title>Springfield Renamed');
    await writeFile(placeFile(), original);
  }, CHANGE_MS + 10_000);

  test('a broken file shows its validator message in the overlay; fixing it brings the page back', async () => {
    await waitFor('the original name back', CHANGE_MS, async () => ((await get('/places/springfield-mo/')).html.includes('Springfield Renamed') ? undefined : true));
    const original = await readFile(placeFile(), 'utf8');
    const overlay = await overlayChannel();
    try {
      await writeFile(placeFile(), original.replace('kind: city', 'kind: town'));
      const failing = await waitFor('the page to fail', CHANGE_MS, async () => {
        const page = await get('/places/springfield-mo/');
        return page.status === 500 ? page : undefined;
      });
      expect(failing.html).toContain('<title>ContentError</title>');
      expect(failing.html).toContain('/@vite/client'); // the overlay's script
      // A save can be seen half-written first (an empty file has other errors); the overlay then
      // updates. Wait for the message about the edit itself.
      // Each request of the failing page sends the overlay the current error, as a reload would.
      const error = await waitFor('the overlay message', CHANGE_MS, async () => {
        const hit = overlay.messages.find((m) => m.type === 'error' && (m.err?.message ?? '').includes('schema [kind]'));
        if (!hit) await get('/places/springfield-mo/');
        return hit;
      });
      const message = error.err!.message.replace(/&quot;/g, '"');
      expect(message).toContain(`${path.join(contentDir, 'places', 'springfield-mo.md')}:3:1  error  schema [kind]`);
      expect(message).toContain('found "town"');
      expect(message).toContain('docs/rules.md#schema');
    } finally {
      overlay.close();
      await writeFile(placeFile(), original);
    }
    const back = await waitFor('the page to come back', CHANGE_MS, async () => {
      const page = await get('/places/springfield-mo/');
      return page.status === 200 ? page : undefined;
    });
    expect(back.html).toContain('<title>Springfield');
  }, 3 * CHANGE_MS + 10_000);
});
