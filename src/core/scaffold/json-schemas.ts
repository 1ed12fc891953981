/**
 * JSON Schemas of the frontmatter of each kind, generated from the Zod schemas
 * (the one definition of every field) for editor autocomplete and checks.
 * `npm run schemas` writes them to schemas/; a test keeps them in sync.
 *
 * Choices, and what a JSON Schema cannot say:
 * - draft-07: the draft the YAML language server ships with.
 * - io "input": the shape an editor WRITES, so fields with a default
 *   (sources: [], kind: other) are optional, as in the files.
 * - unrepresentable "throw": nothing is unrepresentable today; if a transform
 *   is ever added to a schema, generation fails loudly instead of silently
 *   accepting anything there.
 * - Refinements are dropped by Zod's converter: the calendar check of dates
 *   (2026-02-30 passes the pattern) and "year matches date" are left to
 *   `npm run validate`, as are all cross-file rules.
 */
import { z } from 'zod';
import { ENTITY_KINDS, KIND_FOLDERS, schemas, type EntityKind } from '../schema/index.ts';

/** Folder of the generated files, relative to the repository root. */
export const SCHEMAS_DIR = 'schemas';

export function schemaFileName(kind: EntityKind): string {
  return `${kind}.schema.json`;
}

const SOURCE_OF: Record<EntityKind, string> = {
  guideline: 'src/core/schema/guideline.ts',
  place: 'src/core/schema/place.ts',
  contact: 'src/core/schema/contact.ts',
  policy: 'src/core/schema/policy.ts',
  faq: 'src/core/schema/faq.ts',
};

/** The JSON Schema of one kind's frontmatter. */
export function frontmatterJsonSchema(kind: EntityKind): Record<string, unknown> {
  const generated = z.toJSONSchema(schemas[kind], {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      // z.url({ protocol }) becomes format "uri", which any scheme satisfies; keep the http(s) limit.
      const def = (zodSchema as { _zod?: { def?: { format?: string; protocol?: RegExp } } })._zod?.def;
      if (def?.format === 'url' && def.protocol) jsonSchema['pattern'] = '^https?://';
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Frontmatter of content/${KIND_FOLDERS[kind]}/**/*.md`,
    description: `Generated from ${SOURCE_OF[kind]} by "npm run schemas": do not edit. Dates are YYYY-MM-DD strings; calendar checks, cross-file references and the other rules are checked by "npm run validate".`,
    ...rest,
  };
}

/** Every schema file: name → exact text (2-space JSON, final newline). */
export function jsonSchemaFiles(): Map<string, string> {
  return new Map(ENTITY_KINDS.map((kind) => [schemaFileName(kind), `${JSON.stringify(frontmatterJsonSchema(kind), null, 2)}\n`]));
}
