/**
 * A content folder written by the analysis tests: the project's guidelines
 * plus invented places (one without coordinates, one outside the map's
 * area), a place with three versions of its policy, tagged policies for the
 * model-language picks, contacts and guides (FAQs) whose enforcement facets
 * cycle through stated / not specified / absent. Example domains only
 * (RFC 2606); no third-party text.
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FACET_KEYS } from '../../../src/core/schema/index.ts';
import { toContentFile } from '../../../src/core/write/serialize.ts';
import { repoRoot } from '../../support/repo-root.ts';

export const FIXTURE_PLACES = [
  { id: 'testville-mo', name: 'Testville', state: 'MO', coordinates: { lat: 38.95, lon: -92.33 } },
  { id: 'otherton-ks', name: 'Otherton', state: 'KS', coordinates: { lat: 37.69, lon: -97.34 } },
  { id: 'lakeside-wa', name: 'Lakeside', state: 'WA', coordinates: { lat: 47.61, lon: -122.33 } },
  { id: 'riverton-mo', name: 'Riverton', state: 'MO', coordinates: { lat: 39.1, lon: -94.58 } },
  { id: 'anchor-ak', name: 'Anchor', state: 'AK', coordinates: { lat: 61.22, lon: -149.9 } },
  { id: 'nowhere-tx', name: 'Nowhere', state: 'TX' },
  // Guam is outside the Albers USA projection: listed, not drawn.
  { id: 'harbor-gu', name: 'Harbor', state: 'GU', coordinates: { lat: 13.47, lon: 144.75 } },
] as const;

/** Sentences shared by several policies, so "most common" has something to find. */
const SHARED = 'Each department shall publish its datasets in open formats that anyone may use free of charge.';
const SHARED_2 = 'The chief data officer shall review this policy every two years and report to the council on progress.';

function policy(place: string, date: string, title: string, body: string): [string, string] {
  return [
    `policies/${place}-${date}.md`,
    toContentFile({ title, place, year: Number(date.slice(0, 4)), date, legal_custom: 'Executive Order', sunlight: false, policy_url: `https://records.example.org/${place}/${date}.pdf` }, body),
  ];
}

/** Testville's three versions: 2014 → 2015 gains metadata and loses funding; 2015 → 2019 gains public-apis. */
export const TESTVILLE_VERSIONS = ['testville-mo-2014-05-01', 'testville-mo-2015-06-01', 'testville-mo-2019-03-10'];

const POLICIES = [
  policy('testville-mo', '2014-05-01', 'Testville Open Data Order', [
    `The city adopts this order. <span class="g-open-formats">${SHARED}</span>`,
    '<span class="g-funding">The council shall fund the open data programme in the annual budget.</span>',
  ].join('\n\n')),
  policy('testville-mo', '2015-06-01', 'Testville Open Data Order, revised', [
    `The city adopts this revised order. <span class="g-open-formats">${SHARED}</span>`,
    '<span class="g-metadata">Every dataset shall carry a description of its fields, its source and how often it changes.</span>',
    '<span class="g-metadata">Short.</span>',
  ].join('\n\n')),
  policy('testville-mo', '2019-03-10', 'Testville Open Data Ordinance', [
    `The city adopts this ordinance. <span class="g-open-formats">${SHARED}</span>`,
    '<span class="g-metadata">Every dataset shall carry a description of its fields, its source and how often it changes, updated yearly.</span>',
    '<span class="g-public-apis">The city shall offer an application programming interface for its most requested datasets and document it.</span>',
    `<span class="g-future-review">${SHARED_2}</span>`,
  ].join('\n\n')),
  policy('otherton-ks', '2016-01-20', 'Otherton Open Data Policy', [
    `<span class="g-open-formats">${SHARED}</span>`,
    `<span class="g-future-review">${SHARED_2}</span>`,
    '<span class="g-metadata">Datasets shall be described with metadata that a resident can read and a machine can parse without help.</span>',
  ].join('\n\n')),
  policy('lakeside-wa', '2017-09-09', 'Lakeside Data Policy', [
    '<span class="g-open-formats">Data shall be released in formats that are machine readable, non-proprietary and documented for the public.</span>',
    '<span class="g-metadata">A data dictionary shall accompany every dataset published on the portal so that users understand each field.</span>',
    '<span class="g-metadata">Publish metadata for each and every dataset on the city open data portal using a common open standard schema.</span>',
  ].join('\n\n')),
];

/** Facet statuses cycle with the guide's index, so every state/facet count differs a little. */
function facetStatus(i: number, j: number): 'stated' | 'not-specified' | 'absent' {
  return (['stated', 'not-specified', 'absent'] as const)[(i + 2 * j) % 3]!;
}

function faqs(): [string, string][] {
  const out: [string, string][] = [];
  const owners = ['testville-mo', 'testville-mo', 'otherton-ks', 'lakeside-wa', 'riverton-mo', 'nowhere-tx', 'testville-mo'];
  owners.forEach((place, i) => {
    const topic = `topic-${i + 1}`;
    const enforcement: Record<string, unknown> = {};
    // Enforcers stated by office list, by sentence only, or not at all.
    if (i % 3 === 0) enforcement['enforcers'] = [{ contact: `${place}/city-clerk`, role: 'Handles complaints [1]', sources: [1] }];
    if (i % 3 === 1) {
      enforcement['enforcers_text'] = 'The city clerk enforces this [1].';
      enforcement['enforcers_sources'] = [1];
    }
    FACET_KEYS.forEach((key, j) => {
      const status = facetStatus(i, j);
      if (status === 'absent') return;
      enforcement[key] = {
        status,
        text: status === 'stated' ? `The guide states the ${key} [1].` : 'Not specified on the cited page.',
        sources: [1],
      };
    });
    out.push([
      `faqs/${place}/${topic}.md`,
      toContentFile(
        {
          title: `Guide ${i + 1} for ${place}`,
          place,
          topic,
          last_reviewed: '2026-01-15',
          summary: `What residents of ${place} should know about topic ${i + 1} [1].`,
          enforcement: Object.keys(enforcement).length ? enforcement : undefined,
          sources: [{ n: 1, title: 'Municipal Code', kind: 'municipal-code', url: `https://code.example.org/${place}` }],
        },
        `## Overview\n\nRead the code [1].`,
      ),
    ]);
  });
  return out;
}

function files(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of FIXTURE_PLACES) {
    out[`places/${p.id}.md`] = toContentFile({ name: p.name, kind: 'city', state: p.state, coordinates: 'coordinates' in p ? p.coordinates : undefined });
    out[`contacts/${p.id}/city-clerk.md`] = toContentFile({ name: 'City Clerk', role: 'clerk', place: p.id, handles: ['Public records requests'] });
  }
  for (const [file, text] of POLICIES) out[file] = text;
  for (const [file, text] of faqs()) out[file] = text;
  return out;
}

/** Writes the folder (extra files override or add; null deletes) and returns its path. */
export async function writeAnalysisFixture(extra: Record<string, string | null> = {}, root?: string): Promise<string> {
  const dir = root ?? (await mkdtemp(path.join(os.tmpdir(), 'kb-analysis-')));
  await cp(path.join(repoRoot, 'content', 'guidelines'), path.join(dir, 'guidelines'), { recursive: true });
  for (const [relative, text] of Object.entries({ ...files(), ...extra })) {
    if (text === null) continue;
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}
