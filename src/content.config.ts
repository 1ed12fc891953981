/**
 * Astro content collections fed by the content core: the same files, the same
 * Zod schemas and the same validation as `npm run validate`. A content error
 * fails `astro build` (and shows in `astro dev`) with the validator's
 * file:line messages. Pages read the knowledge graph (src/lib/knowledge-base.ts);
 * the collections give Astro's tooling (types, content intellisense, dev
 * reloads) the same entries.
 *
 * KB_COLLECTIONS=off still validates (a content error still fails the build)
 * but stores no entries: no page reads the collections, and at scale Astro's
 * data store holds a second copy of every document (see docs/scale.md).
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { formatDiagnostics } from './core/diagnostics/format.ts';
import { ENTITY_KINDS, KIND_FOLDERS, schemas, type EntityKind } from './core/schema/index.ts';
import { contentRoot, forgetValidation, sharedValidation } from './lib/shared-validation.ts';

/** Whether to store entries in Astro's data store (env KB_COLLECTIONS, default on; scripts/build.ts sets it off). */
const storeEntries = process.env['KB_COLLECTIONS'] !== 'off';

let forgetting: Promise<void> | undefined;
/**
 * All five loaders hear the same change event in the same tick. Forgetting the
 * validation once, after all have heard it, lets them share one new validation
 * instead of each dropping the one the previous loader had just started.
 */
function forgetOncePerChange(): Promise<void> {
  forgetting ??= Promise.resolve().then(() => {
    forgetValidation();
    forgetting = undefined;
  });
  settleLater();
  return forgetting;
}

let settle: ReturnType<typeof setTimeout> | undefined;
/**
 * An editor's save can reach the watcher before the file is fully written, and
 * a page request in between may validate the half-written file and keep that
 * result. Forgetting once more after the saves have settled makes the next
 * request read the file as it finally is.
 */
function settleLater(): void {
  clearTimeout(settle);
  settle = setTimeout(forgetValidation, 300);
  settle.unref?.();
}

function coreLoader(kind: EntityKind): Loader {
  return {
    name: `civic-kb-${kind}`,
    load: async ({ store, logger, watcher, generateDigest }) => {
      const sync = async () => {
        const result = await sharedValidation();
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length) throw new Error(`content has ${errors.length} error(s):\n${formatDiagnostics(errors, 'text')}`);
        store.clear();
        for (const doc of storeEntries ? result.documents : []) {
          if (doc.kind !== kind) continue;
          const data = doc.data as Record<string, unknown>;
          // Astro takes file paths relative to the site root only; content built from
          // a folder outside the project (KB_CONTENT_DIR=/tmp/…) has none to give.
          const filePath = path.isAbsolute(doc.file) ? undefined : doc.file;
          store.set({ id: doc.id, data, digest: generateDigest(data), ...(filePath ? { filePath } : {}) });
        }
        if (kind === 'guideline') {
          const warnings = result.diagnostics.length - errors.length;
          if (warnings) logger.warn(`${warnings} content warning(s): run npm run validate for details`);
        }
      };
      await sync();
      // Dev server: any change under content/ re-validates everything (references cross files).
      watcher?.add(contentRoot());
      watcher?.on('all', async (_event, changed) => {
        if (!changed.startsWith(contentRoot())) return;
        await forgetOncePerChange();
        try {
          await sync();
        } catch (error) {
          logger.error((error as Error).message);
        }
      });
    },
  };
}

export const collections = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [KIND_FOLDERS[kind], defineCollection({ loader: coreLoader(kind), schema: schemas[kind] })]),
);
