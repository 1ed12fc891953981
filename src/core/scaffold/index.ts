/**
 * `npm run new`: the skeleton kinds, the context they read from the loaded
 * content, and the "what is left to fill" report read from the validator.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ContentDoc } from '../load/load-content.ts';
import { toContentFile } from '../write/serialize.ts';
import { contactScaffold } from './contact.ts';
import { faqScaffold } from './faq.ts';
import { placeScaffold } from './place.ts';
import { policyScaffold } from './policy.ts';
import type { InputValues, KindScaffold, ScaffoldContext, ScaffoldKind, Skeleton } from './shared.ts';

export const SCAFFOLDS: Record<ScaffoldKind, KindScaffold> = {
  place: placeScaffold,
  contact: contactScaffold,
  policy: policyScaffold,
  faq: faqScaffold,
};

/** What skeletons may refer to, from the documents that loaded without errors. */
export function scaffoldContext(documents: readonly ContentDoc[], today: string): ScaffoldContext {
  const places: ScaffoldContext['places'][number][] = [];
  const contacts: ScaffoldContext['contacts'][number][] = [];
  for (const doc of documents) {
    if (doc.kind === 'place') places.push({ id: doc.id, name: doc.data.name, state: doc.data.state });
    if (doc.kind === 'contact') contacts.push({ id: doc.id, name: doc.data.name, place: doc.data.place });
  }
  return { places: places.sort((a, b) => a.id.localeCompare(b.id)), contacts: contacts.sort((a, b) => a.id.localeCompare(b.id)), today };
}

/** The skeleton and the exact text of its file. */
export function renderSkeleton(scaffold: KindScaffold, values: InputValues, context: ScaffoldContext): Skeleton & { text: string } {
  const skeleton = scaffold.build(values, context);
  return { ...skeleton, text: toContentFile(skeleton.data, skeleton.body) };
}

/** One line per problem the validator found in the new file: where, what, how to fix. */
export function leftToFill(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where = `line ${d.line}${d.field ? ` (${d.field})` : ''}`;
    return `  ${d.severity === 'error' ? 'must fix' : 'should fix'}  ${where}: ${d.message}${d.hint ? ` — ${d.hint}` : ''}  [${d.rule}]`;
  });
}

export { collectInputs, questionFor, type Prompter } from './collect-inputs.ts';
export { SCAFFOLD_KINDS, slugify, todo, type InputValues, type ScaffoldContext, type ScaffoldKind } from './shared.ts';
