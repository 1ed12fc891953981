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

/**
 * Synchronous on purpose: a build reads tens of thousands of small files and
 * nothing else runs meanwhile; one await per file cost more than the reads.
 */
export async function readContentFiles(root: string): Promise<{ files: RawFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files: RawFile[] = [];
  const rootReal = realpathSync(root);
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      const file = displayPath(absolute);
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
        walk(absolute);
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
      const size = statSync(absolute).size;
      if (size > MAX_BYTES) {
        diagnostics.push({
          file, line: 1, column: 1, rule: 'file-size', severity: 'error',
          message: `the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB`,
          hint: 'split the document or link to the original instead of pasting it whole',
        });
        continue;
      }
      const decoded = decodeContentBytes(file, readFileSync(absolute));
      diagnostics.push(...decoded.diagnostics);
      if (decoded.text === undefined) continue;
      files.push({ file, relative: path.relative(root, absolute).split(path.sep).join('/'), text: decoded.text });
    }
  };
  walk(root);
  return { files, diagnostics };
}
