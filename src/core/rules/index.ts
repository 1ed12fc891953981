/** Every cross-entity rule, run in this order by the validator and the build alike. */
import { citationsRule } from './citations.ts';
import { duplicatesRule, freshnessRule, guidelineSetRule, policyShapeRule } from './consistency.ts';
import type { Rule } from './context.ts';
import { personalDataRule } from './personal-data.ts';
import { placeholdersRule } from './placeholders.ts';
import { referencesRule } from './references.ts';
import { spansRule } from './spans.ts';
import { nestingRule } from './nesting.ts';
import { unsafeHtmlRule } from './unsafe-html.ts';

/**
 * Rules that compare documents with each other: they need every document of
 * the folder, but only the fields `crossFileData` keeps (cross-file.ts).
 */
export const CROSS_FILE_RULES: readonly Rule[] = [guidelineSetRule, referencesRule, duplicatesRule];

/**
 * Rules that look at one document at a time: run on any subset of the files,
 * they report exactly that subset's diagnostics, in the same order. This is
 * what lets src/core/check-content.ts run them in worker threads.
 */
export const PER_FILE_RULES: readonly Rule[] = [
  spansRule,
  nestingRule,
  citationsRule,
  unsafeHtmlRule,
  personalDataRule,
  placeholdersRule,
  freshnessRule,
  policyShapeRule,
];

export const RULES: readonly Rule[] = [...CROSS_FILE_RULES, ...PER_FILE_RULES];
export { ruleContext, type RuleContext } from './context.ts';
