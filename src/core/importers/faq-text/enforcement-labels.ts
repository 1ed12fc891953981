/**
 * The label-synonym table of the "Penalties & Enforcement" bullets. The
 * article family words the same facet many ways ("Fines", "Fine amounts",
 * "Monetary fines", "Fines and fees"…); rows are tried in order, so the more
 * specific patterns come first ("Non-monetary sanctions" before "fines",
 * "Enforcement actions" before "Enforcer").
 */
import type { FacetKey } from '../../schema/faq.ts';

/** Where a labelled bullet goes: a facet, the enforcer sentence, or the body (no facet for it). */
export type EnforcementTarget = FacetKey | 'enforcers' | 'body';

export interface LabelRule {
  target: EnforcementTarget;
  /** Tested against the label as `labelKey` writes it. */
  pattern: RegExp;
  /** Labels seen in real articles, for the reader and the tests. */
  examples: readonly string[];
  /** A second facet the same bullet also fills ("Enforcer and complaint pathways" → complaints). */
  also?: FacetKey | undefined;
}

export const LABEL_RULES: readonly LabelRule[] = [
  { target: 'sanctions', pattern: /\bnon monetary\b|\bsanctions?\b|\bremed(?:y|ies)\b|\benforcement actions?\b/, examples: ['Non-monetary sanctions', 'Non-monetary remedies', 'Enforcement actions', 'Other sanctions'] },
  {
    target: 'enforcers',
    pattern: /\benforc(?:er|ers|ing)\b|\bwho enforces\b|\benforcement (?:authority|body|office)\b|\bresponsible (?:office|offices|department)\b/,
    examples: ['Enforcer', 'Enforcing department', 'Enforcer and contact', 'Enforcer and complaint pathways', 'Enforcer and complaints'],
  },
  { target: 'fines', pattern: /\bfines?\b|\bmonetary penalt|\bpenalt(?:y|ies)\b|\bfees?\b/, examples: ['Fines', 'Fine amounts', 'Monetary fines', 'Fines and fees', 'Fines and monetary penalties'] },
  { target: 'escalation', pattern: /\bescalat/, examples: ['Escalation', 'Escalation (first/repeat/continuing offences)'] },
  { target: 'appeals', pattern: /\bappeals?\b|\breviews?\b/, examples: ['Appeals', 'Appeals and review', 'Appeals/review', 'Appeals or reviews'] },
  { target: 'complaints', pattern: /\bcomplain|\binspections?\b|\breporting\b/, examples: ['Inspection and complaint pathway', 'Inspections and complaints', 'Complaint pathways', 'Inspection/complaint pathway'] },
  { target: 'timelines', pattern: /\btimelines?\b|\btime limits?\b|\bdeadlines?\b/, examples: ['Timelines', 'Time limits', 'Deadlines'] },
  { target: 'body', pattern: /\bdefen[cs]es?\b|\bdiscretion\b|\bexemptions?\b/, examples: ['Defences/discretion', 'Defences and discretion', 'Defenses'] },
];

/** "Escalation (first/repeat/continuing offences)" → "escalation"; "Appeals/review" → "appeals review". */
export function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The rule a label matches, or undefined when the label is not an enforcement facet. */
export function ruleForLabel(label: string): LabelRule | undefined {
  const key = labelKey(label);
  if (!key) return undefined;
  const rule = LABEL_RULES.find((r) => r.pattern.test(key));
  if (rule?.target === 'enforcers' && /\bcomplain/.test(key)) return { ...rule, also: 'complaints' };
  return rule;
}
