/**
 * Reads content/ from disk (the only core file besides the CLIs that touches
 * fs). It refuses what a later step could not trust: files reached through
 * links that leave the content folder, encodings other than UTF-8, files that
 * are not Markdown where content belongs.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { decodeContentBytes } from './decode.ts';

export interface RawFile {
  /** Path for messages: relative to the working directory when inside it. */
  file: string;
  /** Path relative to the content root, with forward slashes. */
  relative: string;
  text: string;
}

/** A file that names a path relative to cwd when it can, so messages are short and clickable. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

const MAX_BYTES = 8 * 1024 * 1024;

/** A Markdown file found under the content root, not read yet. */
export interface ContentEntry {
  /** Path to open: the root as given joined with the relative path. */
  absolute: string;
  /** Path for messages (see displayPath). */
  file: string;
  /** Path relative to the content root, with forward slashes. */
  relative: string;
}

/**
 * Synchronous on purpose: a build reads tens of thousands of small files and
 * nothing else runs meanwhile; one await per file cost more than the reads.
 */
export async function readContentFiles(root: string): Promise<{ files: RawFile[]; diagnostics: Diagnostic[] }> {
  const listed = listContentFiles(root);
  const diagnostics = [...listed.diagnostics];
  const files: RawFile[] = [];
  for (const entry of listed.entries) {
    const read = readContentFile(entry);
    diagnostics.push(...read.diagnostics);
    if (read.file) files.push(read.file);
  }
  return { files, diagnostics };
}

/**
 * The walk alone: every .md file under the root in path order, and what is
 * refused on the way (links leaving the folder, links to folders, files that
 * are not Markdown). Files are read by readContentFile, so the reading can be
 * shared out (src/core/check-content.ts).
 */
export function listContentFiles(root: string): { entries: ContentEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: ContentEntry[] = [];
  const rootReal = realpathSync(root);
  const shown = displayPaths(root);
  const walk = (dir: string, relativeDir: string): void => {
    const dirents = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of dirents) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const file = shown(absolute, relative);
      const isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string | undefined;
        try {
          target = realpathSync(absolute);
        } catch {
          target = undefined;
        }
        if (!target || !(target === rootReal || target.startsWith(rootReal + path.sep))) {
          diagnostics.push({
            file, line: 1, column: 1, rule: 'symlink', severity: 'error',
            message: target ? 'this link points outside the content folder' : 'this link points nowhere',
            hint: 'replace the link with the file itself',
          });
          continue;
        }
        if (statSync(absolute).isDirectory()) {
          // A folder link can loop back on itself (places/self → .): never followed.
          diagnostics.push({
            file, line: 1, column: 1, rule: 'symlink', severity: 'error',
            message: 'this is a link to a folder; links to folders are not followed',
            hint: 'move the folder here instead of linking it',
          });
          continue;
        }
      }
      if (isDirectory) {
        walk(absolute, relative);
        continue;
      }
      if (!entry.name.endsWith('.md')) {
        diagnostics.push({
          file, line: 1, column: 1, rule: 'stray-file', severity: 'warning',
          message: 'not a .md file: ignored',
          hint: 'content files are Markdown with YAML frontmatter, named <slug>.md',
        });
        continue;
      }
      entries.push({ absolute, file, relative });
    }
  };
  walk(root, '');
  return { entries, diagnostics };
}

/** Reads and decodes one listed file: too big, not UTF-8 or not text gives diagnostics and no file. */
export function readContentFile(entry: ContentEntry): { file?: RawFile; diagnostics: Diagnostic[] } {
  const { absolute, file, relative } = entry;
  const size = statSync(absolute).size;
  if (size > MAX_BYTES) {
    return {
      diagnostics: [{
        file, line: 1, column: 1, rule: 'file-size', severity: 'error',
        message: `the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB`,
        hint: 'split the document or link to the original instead of pasting it whole',
      }],
    };
  }
  const decoded = decodeContentBytes(file, readFileSync(absolute));
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  return { file: { file, relative, text: decoded.text }, diagnostics: decoded.diagnostics };
}

/**
 * displayPath for every path under one root, without resolving each against
 * the working directory (path.relative per file was a tenth of the walk).
 * When the root lies inside the working directory a file shows as the root's
 * relative path joined with its own; when the working directory is not inside
 * the root, every file shows as the joined path (its relative path would start
 * with ".."); otherwise (working inside the content folder) each is resolved.
 */
function displayPaths(root: string): (absolute: string, relative: string) => string {
  const cwd = process.cwd();
  const rootFromCwd = path.relative(cwd, path.resolve(root));
  const outside = (p: string) => p.startsWith('..') || path.isAbsolute(p);
  if (path.sep === '/' && !outside(rootFromCwd)) return (_absolute, relative) => (rootFromCwd ? `${rootFromCwd}/${relative}` : relative);
  if (outside(rootFromCwd) && outside(path.relative(path.resolve(root), cwd))) return (absolute) => absolute;
  return (absolute) => displayPath(absolute);
}
