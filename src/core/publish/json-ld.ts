/**
 * Schema.org JSON-LD for the pages that describe something search engines
 * know a type for: a policy (Legislation), an FAQ (FAQPage + HowTo) and an
 * office (GovernmentOrganization with its ContactPoint).
 *
 * Pure functions of the graph: each returns the array BaseLayout's `jsonLd`
 * prop takes. Only facts the content states are written — a channel, a date
 * or a URL the source did not give is left out, never filled in.
 */
import type { ContactNode, FaqNode, KnowledgeBase, PlaceNode, PolicyNode } from '../graph/types.ts';
import { createHrefs } from '../urls.ts';
import { withoutCitations } from '../render/inline-text.ts';

/** Turns a site path ("/policies/x/", no base) into an absolute URL (site-config's `absoluteUrl` fits). */
export type AbsoluteUrl = (sitePath: string) => string;

type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';
export { withoutCitations };
const paths = createHrefs('/');


/** The place as a schema.org Place (for spatialCoverage / areaServed). */
function placeLd(place: PlaceNode | undefined, absoluteUrl: AbsoluteUrl): JsonLd | undefined {
  if (!place) return undefined;
  return {
    '@type': 'Place',
    name: place.name,
    url: absoluteUrl(paths.place(place.id)),
    address: {
      '@type': 'PostalAddress',
      addressRegion: place.state,
      addressCountry: 'US',
    },
  };
}

/** Original (external) addresses of a policy's text, in the order the file gives them, without repeats. */
export function policySourceUrls(policy: PolicyNode): string[] {
  const data = policy.doc.data;
  const urls = [data.policy_url, ...Object.values(data.policy_urls ?? {})].filter((u): u is string => Boolean(u));
  return [...new Set(urls)];
}

/** Legislation for a policy page. */
export function policyJsonLd(kb: KnowledgeBase, node: PolicyNode, absoluteUrl: AbsoluteUrl): object[] {
  const data = node.doc.data;
  const place = kb.place(node.place);
  const sameAs = policySourceUrls(node);
  const ld: JsonLd = {
    '@context': CONTEXT,
    '@type': 'Legislation',
    name: node.title,
    url: absoluteUrl(paths.policy(node.id)),
    legislationType: data.legal_custom,
  };
  // Only a full date is a legislationDate; a bare year would claim a precision the source lacks.
  if (data.date) ld['legislationDate'] = data.date;
  const coverage = placeLd(place, absoluteUrl);
  if (coverage) {
    ld['spatialCoverage'] = coverage;
    ld['legislationJurisdiction'] = `${place!.name}, ${place!.state}`;
  }
  if (sameAs.length === 1) ld['sameAs'] = sameAs[0];
  else if (sameAs.length > 1) ld['sameAs'] = sameAs;
  return [ld];
}

/** FAQPage (the questions and answers) and HowTo (the steps) for an FAQ page; each only when the FAQ has them. */
export function faqJsonLd(kb: KnowledgeBase, node: FaqNode, absoluteUrl: AbsoluteUrl): object[] {
  const data = node.doc.data;
  const url = absoluteUrl(paths.faq(node.id));
  const place = placeLd(kb.place(node.place), absoluteUrl);
  const out: JsonLd[] = [];
  if (data.questions.length > 0) {
    const faqPage: JsonLd = {
      '@context': CONTEXT,
      '@type': 'FAQPage',
      name: node.title,
      url,
      description: withoutCitations(data.summary),
      dateModified: data.last_reviewed,
    };
    if (data.published) faqPage['datePublished'] = data.published;
    if (place) faqPage['spatialCoverage'] = place;
    faqPage['mainEntity'] = data.questions.map((q) => ({
      '@type': 'Question',
      name: withoutCitations(q.q),
      acceptedAnswer: { '@type': 'Answer', text: withoutCitations(q.a) },
    }));
    out.push(faqPage);
  }
  if (data.howto.length > 0) {
    out.push({
      '@context': CONTEXT,
      '@type': 'HowTo',
      name: node.title,
      url,
      step: data.howto.map((step, index) => ({
        '@type': 'HowToStep',
        position: index + 1,
        text: withoutCitations(step),
      })),
    });
  }
  return out;
}

/** GovernmentOrganization for an office page, with a ContactPoint holding only the channels the file gives. */
export function contactJsonLd(kb: KnowledgeBase, node: ContactNode, absoluteUrl: AbsoluteUrl): object[] {
  const data = node.doc.data;
  const channels = data.channels;
  const place = kb.place(node.place);
  const ld: JsonLd = {
    '@context': CONTEXT,
    '@type': 'GovernmentOrganization',
    name: place ? `${data.name}, ${place.name}` : data.name,
    url: absoluteUrl(paths.contact(node.id)),
  };
  if (channels.url) ld['sameAs'] = channels.url;
  const area = placeLd(place, absoluteUrl);
  if (area) ld['areaServed'] = area;
  if (channels.address) ld['address'] = channels.address;
  const point: JsonLd = { '@type': 'ContactPoint', contactType: data.name };
  if (channels.phone) point['telephone'] = channels.phone;
  if (channels.email) point['email'] = channels.email;
  if (channels.url) point['url'] = channels.url;
  // Opening hours stay on the page: schema.org wants them structured, the file holds free text.
  // A ContactPoint with no way to reach anyone says nothing: leave it out.
  if (channels.phone || channels.email || channels.url) ld['contactPoint'] = point;
  return [ld];
}
