/**
 * A small knowledge graph for the publish tests (JSON-LD, API, feed, sitemap,
 * catalog): the project's real 31 guidelines plus places, offices, policies
 * and FAQs written here, parsed, checked by every content rule and built into
 * the graph in memory — the same way the site builds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { buildKnowledgeBase } from '../../src/core/graph/build-graph.ts';
import type { KnowledgeBase } from '../../src/core/graph/types.ts';
import { parseDocuments } from '../../src/core/load/load-content.ts';
import { RULES } from '../../src/core/rules/index.ts';
import { ruleContext } from '../../src/core/rules/context.ts';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { absoluteUrl, readSiteConfig } from '../../src/site-config.ts';
import { repoRoot } from '../support/repo-root.ts';

export const TODAY = '2026-06-01';

/** The site the tests publish for: an origin and a base path, so both must show in every URL. */
export const testConfig = readSiteConfig({ SITE_URL: 'https://kb.example.org', BASE_PATH: '/kb/' });
export const testAbsoluteUrl = (sitePath: string) => absoluteUrl(sitePath, testConfig);

export interface FixtureFile {
  relative: string;
  text: string;
}

function guidelineFiles(): FixtureFile[] {
  const dir = path.join(repoRoot, 'content', 'guidelines');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ relative: `guidelines/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

const POLICY_BODY = `## Policy

The city shall <span class="g-open-formats">publish data in open formats</span> and
<span class="g-open-formats"><span class="g-metadata">describe every dataset with metadata</span></span>.

## Oversight

The City Clerk reviews the inventory every year.
`;

/** The fixture's content files (without guidelines), in a deliberately unsorted order. */
export function fixtureFiles(): FixtureFile[] {
  return [
    {
      relative: 'faqs/alpha-mo/records.md',
      text: toContentFile({
        title: 'Records requests in Alpha',
        place: 'alpha-mo',
        topic: 'records',
        category: 'Technology and Data',
        published: '2026-03-01',
        last_reviewed: '2026-04-10',
        summary: 'How to ask Alpha for public records [1].',
        enforcement: {
          enforcers: [{ contact: 'alpha-mo/city-clerk', role: 'Receives requests', sources: [1] }],
          enforcers_sources: [1],
          fines: { status: 'not-specified', text: 'Not specified on the cited page.', sources: [2] },
        },
        questions: [
          { q: 'Where do I send a records request?', a: 'To the City Clerk [1].', sources: [1] },
          { q: 'Is there a fee?', a: 'Copying fees may apply [2].', sources: [2] },
        ],
        howto: ['Find the office that holds the record.', 'Send a written request to the City Clerk [1].'],
        sources: [
          { n: 1, title: 'Open records page', kind: 'city-page', url: 'https://alpha.example.gov/records' },
          { n: 2, title: 'Municipal code', kind: 'municipal-code' },
        ],
        policies: ['alpha-mo-2016-03-15'],
      }),
    },
    {
      relative: 'policies/alpha-mo-2016-03-15.md',
      text: toContentFile(
        {
          title: 'Alpha Open Data Policy',
          place: 'alpha-mo',
          year: 2016,
          date: '2016-03-15',
          legal_custom: 'Administrative Policy',
          sunlight: true,
          policy_url: 'https://alpha.example.gov/policy.pdf',
          policy_urls: { 'Text (PDF)': 'https://alpha.example.gov/policy.pdf', Minutes: 'https://alpha.example.gov/minutes' },
          replaces: 'alpha-mo-2012',
          contacts: ['alpha-mo/city-clerk'],
        },
        POLICY_BODY,
      ),
    },
    {
      relative: 'places/beta-ks.md',
      text: toContentFile({ name: 'Beta', kind: 'city', state: 'KS' }),
    },
    {
      relative: 'contacts/alpha-mo/city-clerk.md',
      text: toContentFile({
        name: 'City Clerk',
        role: 'clerk',
        place: 'alpha-mo',
        channels: { url: 'https://alpha.example.gov/clerk', email: 'clerk@alpha.example.gov', phone: '(555) 010-0100', hours: 'Mon–Fri 8–5' },
        handles: ['Public records requests'],
      }),
    },
    {
      relative: 'policies/alpha-mo-2012.md',
      text: toContentFile({ title: 'Alpha Data Order', place: 'alpha-mo', year: 2012, legal_custom: 'Executive Order', sunlight: false, no_text: true }),
    },
    {
      relative: 'contacts/alpha-mo/city-attorney.md',
      text: toContentFile({ name: 'City Attorney', role: 'attorney', place: 'alpha-mo', channels: { address: '1 Main St, Alpha, MO' } }),
    },
    {
      relative: 'places/alpha-mo.md',
      text: toContentFile({
        name: 'Alpha',
        kind: 'city',
        state: 'MO',
        coordinates: { lat: 39.09, lon: -94.41 },
        portal_url: 'https://data.alpha.example.gov',
      }),
    },
    {
      relative: 'faqs/alpha-mo/parking.md',
      text: toContentFile({ title: 'Parking & "tickets" in Alpha', place: 'alpha-mo', topic: 'parking', last_reviewed: '2025-11-02', summary: 'Parking <rules> in Alpha.' }),
    },
  ];
}

/** Builds the graph from files; fails the test if any content rule reports an error. */
export function graphOf(files: FixtureFile[] = fixtureFiles()): KnowledgeBase {
  const all = [...guidelineFiles(), ...files].map((f) => ({ ...f, file: `content/${f.relative}` }));
  const parsed = parseDocuments(all);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const context = ruleContext(parsed.documents, TODAY, parsed.bodies);
  expect(RULES.flatMap((rule) => rule(context)).filter((d) => d.severity === 'error')).toEqual([]);
  return buildKnowledgeBase(context);
}
