/**
 * Checks of one entity against itself and the calendar: review dates, policy
 * links and text, the set of 31 guidelines, names that collide.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { atField, type Rule } from './context.ts';

/** FAQs older than this since their last review get the stale warning (and notice on the site). */
export const REVIEW_MONTHS = 12;

export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export const freshnessRule: Rule = ({ faqs, today }) => {
  const out: Diagnostic[] = [];
  for (const faq of faqs) {
    const { last_reviewed: reviewed, published } = faq.data;
    if (reviewed > today) {
      out.push(atField(faq, ['last_reviewed'], { rule: 'review-date', severity: 'error', message: `last_reviewed ${reviewed} is in the future`, hint: `use the date the FAQ was checked, on or before ${today}` }));
    } else if (monthsBetween(reviewed, today) >= REVIEW_MONTHS) {
      out.push(atField(faq, ['last_reviewed'], { rule: 'stale-review', severity: 'warning', message: `last reviewed ${reviewed}, over ${REVIEW_MONTHS} months ago`, hint: 'check every source again and update last_reviewed' }));
    }
    if (published && published > reviewed) {
      out.push(atField(faq, ['published'], { rule: 'review-date', severity: 'warning', message: `published ${published} is after last_reviewed ${reviewed}` }));
    }
  }
  return out;
};

export const policyShapeRule: Rule = ({ policies }) => {
  const out: Diagnostic[] = [];
  for (const policy of policies) {
    const { policy_url, policy_urls, no_text } = policy.data;
    if (!policy_url && !(policy_urls && Object.keys(policy_urls).length)) {
      out.push(atField(policy, ['title'], { rule: 'policy-source', severity: 'warning', message: 'no link to the original document (policy_url or policy_urls)', hint: 'add the address where the adopted text is published' }));
    }
    const hasText = policy.body.trim().length > 0;
    if (no_text && hasText) out.push(atField(policy, ['no_text'], { rule: 'policy-text', severity: 'warning', message: 'no_text is true but the policy has a body' }));
    if (!no_text && !hasText) out.push(atField(policy, ['title'], { rule: 'policy-text', severity: 'warning', message: 'the policy has no text', hint: 'paste the adopted text, or set no_text: true' }));
  }
  return out;
};

export const guidelineSetRule: Rule = ({ guidelines }) => {
  const out: Diagnostic[] = [];
  const byNumber = new Map<number, string>();
  for (const g of guidelines) {
    const other = byNumber.get(g.data.number);
    if (other) out.push(atField(g, ['number'], { rule: 'duplicate-id', severity: 'error', message: `guideline number ${g.data.number} is also used by "${other}"` }));
    byNumber.set(g.data.number, g.data.code);
  }
  if (guidelines.length && guidelines.length !== 31) {
    const missing = Array.from({ length: 31 }, (_, i) => i + 1).filter((n) => !byNumber.has(n));
    out.push({ file: 'content/guidelines', line: 1, column: 1, rule: 'guideline-set', severity: 'error', message: `expected the 31 Sunlight guidelines, found ${guidelines.length}${missing.length ? `; missing numbers ${missing.join(', ')}` : ''}` });
  }
  return out;
};

/** Two entities of a kind whose ids or names differ only by case or punctuation confuse readers and links. */
export const duplicatesRule: Rule = ({ places, contacts, faqs, policies }) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const key = (kind: string, value: string) => `${kind}:${value.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;
  const check = (doc: (typeof places)[number] | (typeof contacts)[number] | (typeof faqs)[number] | (typeof policies)[number], value: string, field: string) => {
    const k = key(doc.kind, value);
    const first = seen.get(k);
    if (first) out.push(atField(doc, [field], { rule: 'duplicate-id', severity: 'error', message: `${doc.kind} "${value}" duplicates ${first}`, hint: 'merge the two files or give this one a distinct name' }));
    else seen.set(k, doc.file);
  };
  for (const p of places) check(p, `${p.data.name}-${p.data.state}-${p.data.kind}`, 'name');
  for (const c of contacts) check(c, `${c.data.place}-${c.data.name}`, 'name');
  for (const f of faqs) check(f, `${f.data.place}-${f.data.title}`, 'title');
  return out;
};
