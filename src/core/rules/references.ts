/** Every cross-reference resolves: policy→place, faq→place/contact/policy, contact→place, place→parent. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { atField, type Rule } from './context.ts';

export const referencesRule: Rule = ({ places, contacts, policies, faqs }) => {
  const out: Diagnostic[] = [];
  const placeIds = new Set(places.map((p) => p.id));
  const contactIds = new Set(contacts.map((c) => c.id));
  const policyById = new Map(policies.map((p) => [p.id, p]));
  const dangling = (kind: string, known: Set<string>, value: string) => {
    const suggestion = didYouMean(value, known);
    return {
      rule: 'dangling-reference',
      severity: 'error' as const,
      message: `no ${kind} "${value}" in content/`,
      hint: suggestion ? `did you mean "${suggestion}"?` : `add the ${kind} first (npm run new -- ${kind})`,
    };
  };
  for (const doc of [...policies, ...faqs, ...contacts]) {
    if (!placeIds.has(doc.data.place)) out.push(atField(doc, ['place'], dangling('place', placeIds, doc.data.place)));
  }
  for (const place of places) {
    if (place.data.parent && !placeIds.has(place.data.parent)) out.push(atField(place, ['parent'], dangling('place', placeIds, place.data.parent)));
  }
  for (const policy of policies) {
    policy.data.contacts?.forEach((id, i) => {
      if (!contactIds.has(id)) out.push(atField(policy, ['contacts', i], dangling('contact', contactIds, id)));
    });
    const replaces = policy.data.replaces;
    if (replaces) {
      const earlier = policyById.get(replaces);
      if (!earlier) out.push(atField(policy, ['replaces'], dangling('policy', new Set(policyById.keys()), replaces)));
      else if (earlier.data.place !== policy.data.place) {
        out.push(atField(policy, ['replaces'], { rule: 'dangling-reference', severity: 'error', message: `"${replaces}" is a policy of ${earlier.data.place}, not of ${policy.data.place}` }));
      }
    }
  }
  for (const faq of faqs) {
    faq.data.enforcement?.enforcers.forEach((enforcer, i) => {
      if (!contactIds.has(enforcer.contact)) out.push(atField(faq, ['enforcement', 'enforcers', i, 'contact'], dangling('contact', contactIds, enforcer.contact)));
    });
    faq.data.policies.forEach((id, i) => {
      if (!policyById.has(id)) out.push(atField(faq, ['policies', i], dangling('policy', new Set(policyById.keys()), id)));
    });
  }
  return out;
};
