/**
 * Files → validated documents. Decides each file's kind and id from its path
 * (the only place ids are derived), parses frontmatter with positions and
 * validates it with the entity's schema. Problems become diagnostics; a file
 * with errors in its frontmatter yields no document.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { lineOfField, parseFrontmatter, type FieldLines } from './frontmatter.ts';
import { readContentFiles, type RawFile } from './read-files-fs.ts';
import { schemaDiagnostics } from '../schema/friendly-errors.ts';
import { KIND_FOLDERS, schemas, type EntityKind } from '../schema/index.ts';
import type { ContactData, FaqData, GuidelineData, PlaceData, PolicyData } from '../schema/index.ts';

interface DocumentBase<K extends EntityKind, D> {
  kind: K;
  id: string;
  file: string;
  /** Path relative to the content root, e.g. "policies/independence-mo-2016-03-15.md". */
  relative: string;
  data: D;
  body: string;
  bodyLine: number;
  fieldLines: FieldLines;
}
export type GuidelineDoc = DocumentBase<'guideline', GuidelineData>;
export type PlaceDoc = DocumentBase<'place', PlaceData>;
export type ContactDoc = DocumentBase<'contact', ContactData>;
export type PolicyDoc = DocumentBase<'policy', PolicyData>;
export type FaqDoc = DocumentBase<'faq', FaqData>;
export type ContentDoc = GuidelineDoc | PlaceDoc | ContactDoc | PolicyDoc | FaqDoc;

/**
 * The body of every file whose frontmatter could be read, valid or not, so
 * body rules (spans, unsafe HTML, personal data) report in the same run as
 * schema errors instead of after they are fixed.
 */
export interface BodyRecord {
  kind: EntityKind;
  id: string;
  file: string;
  body: string;
  bodyLine: number;
}

export interface LoadedContent {
  documents: ContentDoc[];
  bodies: BodyRecord[];
  diagnostics: Diagnostic[];
  /** Number of files read. */
  files: number;
}

const FOLDER_KINDS = new Map(Object.entries(KIND_FOLDERS).map(([kind, folder]) => [folder, kind as EntityKind]));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Kind and id from a path relative to the content root, or a reason it has none. */
export function identify(relative: string): { kind: EntityKind; id: string; segments: string[] } | { problem: string } {
  const parts = relative.replace(/\.md$/, '').split('/');
  const kind = FOLDER_KINDS.get(parts[0] ?? '');
  if (!kind) return { problem: `files belong in one of ${[...FOLDER_KINDS.keys()].map((f) => `${f}/`).join(', ')}` };
  const segments = parts.slice(1);
  const nested = kind === 'contact' || kind === 'faq';
  if (segments.length !== (nested ? 2 : 1)) {
    return { problem: nested ? `expected ${parts[0]}/<place>/<slug>.md` : `expected ${parts[0]}/<slug>.md` };
  }
  const bad = segments.find((s) => !SLUG.test(s));
  if (bad !== undefined) return { problem: `"${bad}" is not a slug: use lower-case letters, digits and single hyphens` };
  return { kind, id: segments.join('/'), segments };
}

/** Checks that fields which repeat the path agree with it. */
function pathAgreement(kind: EntityKind, segments: string[], data: Record<string, unknown>): { field: string; expected: string }[] {
  const out: { field: string; expected: string }[] = [];
  if (kind === 'guideline' && data['code'] !== segments[0]) out.push({ field: 'code', expected: segments[0]! });
  if ((kind === 'contact' || kind === 'faq') && data['place'] !== segments[0]) out.push({ field: 'place', expected: segments[0]! });
  if (kind === 'faq' && data['topic'] !== segments[1]) out.push({ field: 'topic', expected: segments[1]! });
  return out;
}

export function parseDocuments(raw: readonly RawFile[]): { documents: ContentDoc[]; bodies: BodyRecord[]; diagnostics: Diagnostic[] } {
  const documents: ContentDoc[] = [];
  const bodies: BodyRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { file, relative, text } of raw) {
    const identity = identify(relative);
    if ('problem' in identity) {
      diagnostics.push({ file, line: 1, column: 1, rule: 'file-location', severity: 'error', message: `misplaced file: ${identity.problem}` });
      continue;
    }
    if (!text.trim()) {
      diagnostics.push({ file, line: 1, column: 1, rule: 'frontmatter', severity: 'error', message: 'the file is empty', hint: `run "npm run new -- ${identity.kind}" for a skeleton` });
      continue;
    }
    const parsed = parseFrontmatter(file, text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) continue;
    bodies.push({ kind: identity.kind, id: identity.id, file, body: parsed.body, bodyLine: parsed.bodyLine });
    const schema: z.ZodType = schemas[identity.kind];
    const result = schema.safeParse(parsed.data);
    if (!result.success) {
      diagnostics.push(...schemaDiagnostics(file, result.error.issues, parsed.fieldLines, schema, parsed.data));
      continue;
    }
    const mismatches = pathAgreement(identity.kind, identity.segments, parsed.data);
    for (const { field, expected } of mismatches) {
      diagnostics.push({
        file, line: lineOfField(parsed.fieldLines, [field]), column: 1, rule: 'file-location', severity: 'error', field,
        message: `${field} is "${String(parsed.data[field])}" but the file's path says "${expected}"`,
        hint: `make ${field} "${expected}" or move the file`,
      });
    }
    if (mismatches.length) continue;
    documents.push({
      kind: identity.kind,
      id: identity.id,
      file,
      relative,
      data: result.data,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
      fieldLines: parsed.fieldLines,
    } as ContentDoc);
  }
  return { documents, bodies, diagnostics };
}

export async function loadContent(root: string): Promise<LoadedContent> {
  const read = await readContentFiles(root);
  const parsed = parseDocuments(read.files);
  return { documents: parsed.documents, bodies: parsed.bodies, diagnostics: [...read.diagnostics, ...parsed.diagnostics], files: read.files.length };
}
