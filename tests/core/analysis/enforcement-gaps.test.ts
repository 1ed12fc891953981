/**
 * The enforcement gap report against the guides' own frontmatter: the
 * statuses and every count per facet and per state are recounted here from
 * the FAQ files (read with gray-matter, not through the project's loader).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  enforcementGaps, enforcementGapsCsv, enforcementGapsJson, GAP_FACETS, type EnforcementGapReport, type GapFacet, type GapStatus,
} from '../../../src/core/analysis/enforcement-gaps.ts';
import { loadKnowledgeBase } from '../../../src/core/index.ts';
import { writeAnalysisFixture } from './fixture.ts';

interface FileFaq {
  id: string;
  state: string;
  statuses: Record<GapFacet, GapStatus>;
}

/** Statuses straight from a FAQ file's YAML. */
function statusesOf(enforcement: Record<string, any> | undefined): Record<GapFacet, GapStatus> {
  const out = {} as Record<GapFacet, GapStatus>;
  out.enforcers = enforcement?.['enforcers']?.length || enforcement?.['enforcers_text'] ? 'stated' : 'absent';
  for (const key of ['fines', 'escalation', 'sanctions', 'complaints', 'appeals', 'timelines'] as const) {
    out[key] = enforcement?.[key]?.status ?? 'absent';
  }
  return out;
}

async function readFaqFiles(dir: string): Promise<FileFaq[]> {
  const out: FileFaq[] = [];
  for (const place of await readdir(path.join(dir, 'faqs'))) {
    const placeFile = matter(await readFile(path.join(dir, 'places', `${place}.md`), 'utf8'));
    for (const name of await readdir(path.join(dir, 'faqs', place))) {
      const faq = matter(await readFile(path.join(dir, 'faqs', place, name), 'utf8'));
      out.push({ id: `${place}/${name.replace(/\.md$/, '')}`, state: placeFile.data['state'], statuses: statusesOf(faq.data['enforcement']) });
    }
  }
  return out;
}

describe('enforcement gap report', () => {
  let dir = '';
  let report: EnforcementGapReport;
  let files: FileFaq[];

  beforeAll(async () => {
    dir = await writeAnalysisFixture();
    report = enforcementGaps((await loadKnowledgeBase(dir)).kb);
    files = await readFaqFiles(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('one row per guide, each facet as the file records it', () => {
    expect(report.rows.map((r) => r.faq).sort()).toEqual(files.map((f) => f.id).sort());
    for (const file of files) expect(report.rows.find((r) => r.faq === file.id)!.statuses, file.id).toEqual(file.statuses);
    // The fixture exercises every status of every facet somewhere.
    for (const f of GAP_FACETS) expect(new Set(files.map((x) => x.statuses[f])).size, f).toBeGreaterThan(1);
  });

  test.each(GAP_FACETS)('counts for %s match the files', (facet) => {
    const count = (status: GapStatus) => files.filter((f) => f.statuses[facet] === status).length;
    expect(report.byFacet[facet]).toEqual({ stated: count('stated'), 'not-specified': count('not-specified'), absent: count('absent') });
  });

  test('counts per state match the files', () => {
    const states = [...new Set(files.map((f) => f.state))].sort();
    expect(report.byState.map((s) => s.state)).toEqual(states);
    for (const s of report.byState) {
      const mine = files.filter((f) => f.state === s.state);
      expect(s.faqs).toBe(mine.length);
      for (const facet of GAP_FACETS) {
        for (const status of ['stated', 'not-specified', 'absent'] as const) {
          expect(s.byFacet[facet][status], `${s.state} ${facet} ${status}`).toBe(mine.filter((f) => f.statuses[facet] === status).length);
        }
      }
      const entries = mine.flatMap((f) => Object.values(f.statuses));
      expect(s.tally).toEqual({
        stated: entries.filter((x) => x === 'stated').length,
        'not-specified': entries.filter((x) => x === 'not-specified').length,
        absent: entries.filter((x) => x === 'absent').length,
      });
    }
    expect(report.tally.stated + report.tally['not-specified'] + report.tally.absent).toBe(files.length * GAP_FACETS.length);
  });

  test('CSV: header, one record per guide, statuses as codes', () => {
    const lines = enforcementGapsCsv(report).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(`faq,title,place,place_name,state,${GAP_FACETS.join(',')},stated,not_specified,absent`);
    expect(lines).toHaveLength(files.length + 1);
    for (const file of files) {
      const line = lines.find((l) => l.startsWith(`${file.id},`))!;
      const cells = line.split(',');
      expect(cells.slice(5, 5 + GAP_FACETS.length)).toEqual(GAP_FACETS.map((f) => file.statuses[f]));
    }
  });

  test('JSON carries the same counts, with labels', () => {
    const json = enforcementGapsJson(report);
    expect(json.totals.faqs).toBe(files.length);
    expect(json.facets.map((f) => f.key)).toEqual([...GAP_FACETS]);
    for (const f of json.facets) expect(f.counts).toEqual(report.byFacet[f.key]);
    expect(json.facets[0]!.label).toBe('Who enforces');
    expect(json.statuses['not-specified']).toMatch(/^Not specified on the cited page/);
  });

  test('guides of places missing from the graph are left out', () => {
    const partial = enforcementGaps({
      places: [{ id: 'a-mo', name: 'A', state: 'MO' }],
      faqs: [
        { id: 'a-mo/x', place: 'a-mo', title: 'X', facets: Object.fromEntries(GAP_FACETS.map((f) => [f, 'stated'])) as Record<GapFacet, GapStatus> },
        { id: 'b-ks/y', place: 'b-ks', title: 'Y', facets: Object.fromEntries(GAP_FACETS.map((f) => [f, 'absent'])) as Record<GapFacet, GapStatus> },
      ],
    });
    expect(partial.rows.map((r) => r.faq)).toEqual(['a-mo/x']);
    expect(partial.tally).toEqual({ stated: GAP_FACETS.length, 'not-specified': 0, absent: 0 });
    expect(partial.byState.map((s) => [s.state, s.name])).toEqual([['MO', 'Missouri']]);
  });
});
