/**
 * Merging the shards' folders into one site (scripts/lib/astro-build.ts): every
 * file moves across, a file both shards wrote is kept once when the bytes agree,
 * and the build fails, naming the file, when they do not.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { mergeSiteInto } from '../../scripts/lib/astro-build.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kb-merge-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(dir: string, files: Record<string, string>): Promise<string> {
  const base = path.join(root, dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(base, name)), { recursive: true });
    await writeFile(path.join(base, name), text);
  }
  return base;
}

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

test("moves every page of one shard into the other's site; shared files that agree are kept once", async () => {
  const a = await write('a', { 'index.html': 'home', 'policies/one/index.html': 'one', '_astro/site.css': 'css' });
  const b = await write('b', { 'index.html': 'home', 'policies/two/index.html': 'two', 'policies/two/part-2/index.html': 'two, part 2', '_astro/site.css': 'css' });
  expect(await mergeSiteInto(b, a)).toBe(2);
  expect(await tree(a)).toEqual({
    'index.html': 'home',
    'policies/one/index.html': 'one',
    'policies/two/index.html': 'two',
    'policies/two/part-2/index.html': 'two, part 2',
    '_astro/site.css': 'css',
  });
});

test('fails, naming the file, when two shards wrote different bytes at the same address', async () => {
  const a = await write('a', { 'sitemap.xml': '<urlset>a</urlset>' });
  const b = await write('b', { 'sitemap.xml': '<urlset>b</urlset>' });
  await expect(mergeSiteInto(b, a)).rejects.toThrow(/Build shards wrote different versions of sitemap\.xml/);
  // The first shard's file is left as it was.
  expect(await tree(a)).toEqual({ 'sitemap.xml': '<urlset>a</urlset>' });
});
