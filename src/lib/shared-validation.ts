/**
 * One validation per process, shared by the content collections (content
 * sync) and the pages (prerender). Astro loads src/content.config.ts and the
 * page bundles as separate module instances, so a module-level memo would
 * validate twice; a process-global one does not.
 */
import path from 'node:path';
import { validateContent, type ValidationResult } from '../core/validate.ts';
import { siteConfig } from '../site-config.ts';

const KEY = Symbol.for('civic-kb.validation');
type Holder = { [KEY]?: Map<string, Promise<ValidationResult>> };

export function contentRoot(): string {
  return path.resolve(siteConfig.contentDir);
}

/** The validation of the content folder, computed once until forgotten. */
export function sharedValidation(root: string = contentRoot()): Promise<ValidationResult> {
  const holder = globalThis as Holder;
  const cache = (holder[KEY] ??= new Map());
  let pending = cache.get(root);
  if (!pending) {
    pending = validateContent(root);
    cache.set(root, pending);
  }
  return pending;
}

/** Drops the cached validation (dev server: a content file changed). */
export function forgetValidation(): void {
  (globalThis as Holder)[KEY]?.clear();
}
