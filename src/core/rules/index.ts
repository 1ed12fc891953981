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

export const RULES: readonly Rule[] = [
  guidelineSetRule,
  referencesRule,
  duplicatesRule,
  spansRule,
  nestingRule,
  citationsRule,
  unsafeHtmlRule,
  personalDataRule,
  placeholdersRule,
  freshnessRule,
  policyShapeRule,
];
export { ruleContext, type RuleContext } from './context.ts';
