/**
 * JSON-LD builders (src/core/publish/json-ld.ts) on a real graph: the facts
 * the content states reach the schema.org objects, absent facts stay absent,
 * and the result survives BaseLayout's serializer unchanged.
 */
import { describe, expect, test } from 'vitest';
import { contactJsonLd, faqJsonLd, policyJsonLd, withoutCitations } from '../../src/core/publish/json-ld.ts';
import { serializeJsonLd } from '../../src/layouts/json-ld.ts';
import { graphOf, testAbsoluteUrl } from './publish-fixture.ts';

const kb = graphOf();
const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe('withoutCitations', () => {
  test.each([
    ['To the City Clerk [1].', 'To the City Clerk.'],
    ['Fees [2][3] may apply', 'Fees may apply'],
    ['No markers here', 'No markers here'],
    ['Section [a] stays', 'Section [a] stays'],
  ])('%s → %s', (input, expected) => {
    expect(withoutCitations(input)).toBe(expected);
  });
});

describe('policyJsonLd', () => {
  test('describes a dated policy as Legislation with its place, type and original URLs', () => {
    const ld = only(policyJsonLd(kb, kb.policy('alpha-mo-2016-03-15')!, testAbsoluteUrl)) as Record<string, unknown>;
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      name: 'Alpha Open Data Policy',
      url: 'https://kb.example.org/kb/policies/alpha-mo-2016-03-15/',
      legislationType: 'Administrative Policy',
      legislationDate: '2016-03-15',
      spatialCoverage: {
        '@type': 'Place',
        name: 'Alpha',
        url: 'https://kb.example.org/kb/places/alpha-mo/',
        address: { '@type': 'PostalAddress', addressRegion: 'MO', addressCountry: 'US' },
      },
      legislationJurisdiction: 'Alpha, MO',
      // policy_url and the PDF entry of policy_urls are the same address: listed once.
      sameAs: ['https://alpha.example.gov/policy.pdf', 'https://alpha.example.gov/minutes'],
    });
  });

  test('leaves out the date and sameAs when the source gives only a year and no URL', () => {
    const ld = only(policyJsonLd(kb, kb.policy('alpha-mo-2012')!, testAbsoluteUrl)) as Record<string, unknown>;
    expect(ld['legislationType']).toBe('Executive Order');
    expect(ld).not.toHaveProperty('legislationDate');
    expect(ld).not.toHaveProperty('sameAs');
  });
});

describe('faqJsonLd', () => {
  test('gives an FAQPage with every question and answer, without [n] markers, and a HowTo with numbered steps', () => {
    const [faqPage, howTo, ...rest] = faqJsonLd(kb, kb.faq('alpha-mo/records')!, testAbsoluteUrl) as Record<string, unknown>[];
    expect(rest).toEqual([]);
    expect(faqPage).toMatchObject({
      '@type': 'FAQPage',
      name: 'Records requests in Alpha',
      url: 'https://kb.example.org/kb/faqs/alpha-mo/records/',
      description: 'How to ask Alpha for public records.',
      datePublished: '2026-03-01',
      dateModified: '2026-04-10',
    });
    expect(faqPage!['mainEntity']).toEqual([
      { '@type': 'Question', name: 'Where do I send a records request?', acceptedAnswer: { '@type': 'Answer', text: 'To the City Clerk.' } },
      { '@type': 'Question', name: 'Is there a fee?', acceptedAnswer: { '@type': 'Answer', text: 'Copying fees may apply.' } },
    ]);
    expect(howTo).toMatchObject({ '@type': 'HowTo', name: 'Records requests in Alpha' });
    expect(howTo!['step']).toEqual([
      { '@type': 'HowToStep', position: 1, text: 'Find the office that holds the record.' },
      { '@type': 'HowToStep', position: 2, text: 'Send a written request to the City Clerk.' },
    ]);
  });

  test('gives nothing for an FAQ without questions or steps (no empty FAQPage)', () => {
    expect(faqJsonLd(kb, kb.faq('alpha-mo/parking')!, testAbsoluteUrl)).toEqual([]);
  });
});

describe('contactJsonLd', () => {
  test('puts only the channels the file gives into the ContactPoint', () => {
    const ld = only(contactJsonLd(kb, kb.contact('alpha-mo/city-clerk')!, testAbsoluteUrl)) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@type': 'GovernmentOrganization',
      name: 'City Clerk, Alpha',
      url: 'https://kb.example.org/kb/contacts/alpha-mo/city-clerk/',
      sameAs: 'https://alpha.example.gov/clerk',
      areaServed: { '@type': 'Place', name: 'Alpha' },
    });
    expect(ld['contactPoint']).toEqual({
      '@type': 'ContactPoint',
      contactType: 'City Clerk',
      telephone: '(555) 010-0100',
      email: 'clerk@alpha.example.gov',
      url: 'https://alpha.example.gov/clerk',
    });
    expect(ld).not.toHaveProperty('address');
  });

  test('has no ContactPoint for an office known only by its address', () => {
    const ld = only(contactJsonLd(kb, kb.contact('alpha-mo/city-attorney')!, testAbsoluteUrl)) as Record<string, unknown>;
    expect(ld['address']).toBe('1 Main St, Alpha, MO');
    expect(ld).not.toHaveProperty('contactPoint');
    expect(ld).not.toHaveProperty('sameAs');
  });
});

describe('through BaseLayout', () => {
  test('every object survives serializeJsonLd unchanged, with no raw "<" in the script text', () => {
    const objects = [
      ...kb.policies.flatMap((p) => policyJsonLd(kb, p, testAbsoluteUrl)),
      ...kb.faqs.flatMap((f) => faqJsonLd(kb, f, testAbsoluteUrl)),
      ...kb.contacts.flatMap((c) => contactJsonLd(kb, c, testAbsoluteUrl)),
    ];
    expect(objects.length).toBe(2 + 2 + 2);
    for (const object of objects) {
      const text = serializeJsonLd(object);
      expect(text).not.toMatch(/</);
      expect(JSON.parse(text)).toEqual(object);
    }
  });
});
