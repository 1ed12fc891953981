/**
 * What a build wrote: pages, bytes, the Pagefind bundle, the fullest folder,
 * and every page's weight as a browser fetches it on first visit (the HTML
 * plus the stylesheets it links), so the 40 KB page budget can be checked.
 * Reads one file at a time: fine for 100k pages.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface PageWeight {
  /** Path relative to the output folder, e.g. "policies/x/index.html". */
  page: string;
  htmlBytes: number;
  cssBytes: number;
  totalBytes: number;
}

export interface OutputStats {
  pages: number;
  files: number;
  bytes: number;
  pagefindFiles: number;
  pagefindBytes: number;
  /** The folder with the most direct entries (files and sub-folders), and how many of each. */
  fullestFolder: { folder: string; files: number; entries: number };
  /** The folder with the most direct files. */
  mostFiles: { folder: string; files: number };
  largestPages: PageWeight[];
  /** Pages over the limit (HTML + linked CSS). */
  pagesOverLimit: number;
  /** Pages over the limit by first path segment ("policies", "compare", "(root)"). */
  overLimitBySection: Record<string, number>;
  pageLimitBytes: number;
}

const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi;
const HREF = /\bhref=["']?([^"' >]+)/i;

/** Hrefs of the stylesheets a page links. */
export function linkedStylesheets(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.matchAll(STYLESHEET)) {
    const href = HREF.exec(tag[0])?.[1];
    if (href && !/^[a-z]+:/i.test(href) && !href.startsWith('//')) out.push(href);
  }
  return out;
}

export async function measureOutput(outDir: string, options: { base?: string; pageLimitBytes?: number; keepLargest?: number } = {}): Promise<OutputStats> {
  const base = options.base ?? '/';
  const pageLimitBytes = options.pageLimitBytes ?? 40 * 1024;
  const keep = options.keepLargest ?? 10;
  const cssSizes = new Map<string, number>();
  const stats: OutputStats = {
    pages: 0, files: 0, bytes: 0, pagefindFiles: 0, pagefindBytes: 0,
    fullestFolder: { folder: '.', files: 0, entries: 0 }, mostFiles: { folder: '.', files: 0 },
    largestPages: [], pagesOverLimit: 0, overLimitBySection: {}, pageLimitBytes,
  };
  const cssSize = async (href: string): Promise<number> => {
    const known = cssSizes.get(href);
    if (known !== undefined) return known;
    const relative = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\/+/, '');
    const size = await stat(path.join(outDir, relative)).then((s) => s.size, () => 0);
    cssSizes.set(href, size);
    return size;
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const relativeDir = path.relative(outDir, dir) || '.';
    let files = 0;
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(absolute);
        continue;
      }
      if (!entry.isFile()) continue;
      files += 1;
      const size = (await stat(absolute)).size;
      stats.files += 1;
      stats.bytes += size;
      if (relativeDir === 'pagefind' || relativeDir.startsWith(`pagefind${path.sep}`)) {
        stats.pagefindFiles += 1;
        stats.pagefindBytes += size;
      }
      if (!entry.name.endsWith('.html')) continue;
      stats.pages += 1;
      const html = await readFile(absolute, 'utf8');
      let cssBytes = 0;
      for (const href of new Set(linkedStylesheets(html))) cssBytes += await cssSize(href);
      const weight = { page: path.relative(outDir, absolute).split(path.sep).join('/'), htmlBytes: size, cssBytes, totalBytes: size + cssBytes };
      if (weight.totalBytes > pageLimitBytes) {
        stats.pagesOverLimit += 1;
        const section = weight.page.includes('/') ? weight.page.split('/')[0]! : '(root)';
        stats.overLimitBySection[section] = (stats.overLimitBySection[section] ?? 0) + 1;
      }
      const largest = stats.largestPages;
      if (largest.length < keep || weight.totalBytes > largest[largest.length - 1]!.totalBytes) {
        largest.push(weight);
        largest.sort((a, b) => b.totalBytes - a.totalBytes || (a.page < b.page ? -1 : 1));
        if (largest.length > keep) largest.pop();
      }
    }
    if (entries.length > stats.fullestFolder.entries) stats.fullestFolder = { folder: relativeDir, files, entries: entries.length };
    if (files > stats.mostFiles.files) stats.mostFiles = { folder: relativeDir, files };
  };
  await walk(outDir);
  return stats;
}
