/**
 * A versions plan is made once per place and kept packed between the paths and the pages
 * (src/components/analysis/version-pages.ts): what comes back after the recent plans have moved on
 * must be the plan as made, diff blocks and page items alike.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { versionPages } from '../../src/components/analysis/version-pages.ts';
import { placesWithVersions, placeVersions } from '../../src/core/analysis/versions.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/core/index.ts';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { repoRoot } from '../support/repo-root.ts';

let dir = '';
let kb: KnowledgeBase;
const PLACES = 12; // more than the plans kept unpacked

/** Sections of a policy, some changed from version to version, one rewritten in the last. */
function body(place: number, version: number): string {
  const sections = Array.from({ length: 30 + place }, (_, k) =>
    `## Section ${k + 1}\n\nThe department shall publish dataset ${k} of place ${place} ${k % 4 === version ? 'within ten days' : 'each quarter'}, with its metadata and in an open format.`,
  );
  return version === 2 && place % 3 === 0 ? 'A new order replaces the policy in full. Every agency keeps an inventory online.' : sections.join('\n\n');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kb-version-plans-'));
  await cp(path.join(repoRoot, 'content/guidelines'), path.join(dir, 'guidelines'), { recursive: true });
  await mkdir(path.join(dir, 'places'));
  await mkdir(path.join(dir, 'policies'));
  for (let p = 0; p < PLACES; p++) {
    const id = `town-${p}-ks`;
    await writeFile(path.join(dir, 'places', `${id}.md`), toContentFile({ name: `Town ${p}`, kind: 'city', state: 'KS' }, ''));
    for (const [v, year] of [2015, 2018, 2022].entries()) {
      const data = { title: `Town ${p} Open Data Policy ${year}`, place: id, year, legal_custom: 'Ordinance', sunlight: false, policy_url: 'https://example.org/policy' };
      await writeFile(path.join(dir, 'policies', `${id}-${year}.md`), toContentFile(data, body(p, v)));
    }
  }
  kb = (await loadKnowledgeBase(dir)).kb;
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

test('every place\'s plan comes back unpacked exactly as it was made, and matches a fresh comparison', () => {
  const places = placesWithVersions(kb);
  expect(places).toHaveLength(PLACES);
  const made = places.map((place) => JSON.stringify(versionPages(kb, place)));
  // By now the first places' plans are only packed: asking again unpacks them.
  const again = places.map((place) => JSON.stringify(versionPages(kb, place)));
  expect(again).toEqual(made);
  for (const [i, place] of places.entries()) {
    const plan = JSON.parse(made[i]!) as ReturnType<typeof versionPages>;
    const fresh = placeVersions(kb, place);
    expect(plan.steps.map((s) => [s.before, s.after, s.diff.addedWords, s.diff.removedWords, s.rewritten?.afterWords])).toEqual(
      fresh.map((s) => [s.before, s.after, s.diff.addedWords, s.diff.removedWords, s.rewritten?.afterWords]),
    );
    // Every block of every diff on the pages once, in order, and the joined HTML rebuilt from them.
    const shown = plan.pages.flat().flatMap((item) => (item.kind === 'block' ? [item.html] : []));
    expect(shown).toEqual(plan.steps.flatMap((s) => s.diff.blocks));
    for (const step of plan.steps) expect(step.diff.html).toBe(step.diff.blocks.join('\n'));
  }
  // The fixture has both kinds of step: amendments with a diff, rewrites without.
  const steps = made.flatMap((json) => (JSON.parse(json) as ReturnType<typeof versionPages>).steps);
  expect(steps.some((s) => s.rewritten)).toBe(true);
  expect(steps.some((s) => !s.rewritten && s.diff.blocks.length > 0)).toBe(true);
});
