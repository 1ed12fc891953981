/** Hub frontmatter → place and policy data: kinds, coordinates, titles, ids, keys that move or go. */
import { describe, expect, test } from 'vitest';
import { mapPlace } from '../../../src/core/importers/sunlight/map-place.ts';
import { mapPolicy, policyIdFor } from '../../../src/core/importers/sunlight/map-policy.ts';
import { placeSchema } from '../../../src/core/schema/place.ts';
import { policySchema } from '../../../src/core/schema/policy.ts';

const line = () => 1;

describe('mapPlace', () => {
  test.each([
    ['state', { title: 'Missouri', type: 'state' }, 'state'],
    ['local', { title: 'Riverbend', type: 'local' }, 'local'],
    ['local whose name says County', { title: 'Clay County', type: 'local' }, 'county'],
    ['no type: local, with a note', { title: 'Riverbend' }, 'local'],
    ['an agency stays local: we do not guess', { title: 'Riverbend Transit Authority', type: 'local' }, 'local'],
  ])('%s', (_name, hub, kind) => {
    const mapped = mapPlace('riverbend-mo', { ...hub, states: ['MO'], x: -94.5, y: 39.1 }, 'p.md', line);
    expect(mapped.data.kind).toBe(kind);
    expect(mapped.notes.map((n) => n.rule)).toEqual('type' in hub ? [] : ['hub-place-type-missing']);
  });

  test('every field: name from title, first state, {lat: y, lon: x}, wwc, portal_urls', () => {
    const hub = { place: 'riverbend-mo', title: 'Riverbend', states: ['MO', 'KS'], type: 'local', x: -94.5, y: 39.1, wwc: true, portal_urls: { General: 'https://data.example.org/' } };
    const mapped = mapPlace('riverbend-mo', hub, 'p.md', line);
    expect(placeSchema.parse(mapped.data)).toEqual({
      name: 'Riverbend', kind: 'local', state: 'MO', coordinates: { lat: 39.1, lon: -94.5 }, wwc: true, portal_urls: { General: 'https://data.example.org/' },
    });
    expect(mapped.notes.map((n) => n.rule)).toEqual(['hub-several-states']);
  });

  test('a place key that disagrees with the file name, and an unknown key, are noted', () => {
    const mapped = mapPlace('riverbend-mo', { place: 'river-bend-mo', title: 'Riverbend', states: ['MO'], type: 'local', x: 1, y: 2, mayor: 'someone' }, 'p.md', line);
    expect(mapped.notes.map((n) => n.rule)).toEqual(['hub-place-mismatch', 'hub-dropped-key']);
  });
});

describe('mapPolicy', () => {
  const hub = { place: 'riverbend-mo', year: 2016, date: '2016-02-01', legal_custom: 'CTO Policy', sunlight: 'wwc', policy_url: 'https://example.org/p.pdf' };
  const context = { id: 'riverbend-mo-2016-02-01', file: 'p.md', placeTitle: 'Riverbend', placeWwc: true, line };

  test('title "<place> <legal_custom>, <date>", every Hub key kept, in schema order', () => {
    const { data, notes } = mapPolicy({ ...hub, note: 'Signed late.', press_url: 'https://example.org/news' }, context);
    expect(policySchema.safeParse(data).success).toBe(true);
    expect(Object.keys(data).filter((k) => data[k] !== undefined)).toEqual(['title', 'place', 'year', 'date', 'legal_custom', 'sunlight', 'policy_url', 'press_url', 'note']);
    expect(data.title).toBe('Riverbend CTO Policy, 2016-02-01');
    expect(notes).toEqual([]);
  });

  test('year only: the title takes the year, no date is invented', () => {
    const { date: _date, ...yearOnly } = hub;
    const { data, notes } = mapPolicy(yearOnly, { ...context, id: 'riverbend-mo-2016' });
    expect(data.title).toBe('Riverbend CTO Policy, 2016');
    expect(data.date).toBeUndefined();
    expect(notes.map((n) => n.rule)).toEqual(['hub-no-date']);
  });

  test('policy_urls map, no_text', () => {
    const { policy_url: _url, ...rest } = hub;
    const { data } = mapPolicy({ ...rest, policy_urls: { PDF: 'https://example.org/a.pdf', 'HTML (marked-up)': 'https://example.org/a' }, no_text: true }, context);
    expect(policySchema.parse(data)).toMatchObject({ policy_urls: { PDF: 'https://example.org/a.pdf', 'HTML (marked-up)': 'https://example.org/a' }, no_text: true });
  });

  test.each([
    [true, 'repeats its place'],
    [false, 'disagrees with its place'],
  ])('wwc on a policy (place says true, policy says %s) is a place fact: noted, not written', (wwc, says) => {
    const { data, notes } = mapPolicy({ ...hub, wwc }, context);
    expect(data).not.toHaveProperty('wwc');
    expect(notes).toMatchObject([{ rule: 'hub-policy-wwc', field: 'wwc' }]);
    expect(notes[0]!.message).toContain(says);
  });

  test('a file name whose date differs from the date key is noted; the key wins', () => {
    const { data, notes } = mapPolicy({ ...hub, date: '2016-02-11' }, context);
    expect(data.date).toBe('2016-02-11');
    expect(notes.map((n) => n.rule)).toEqual(['hub-date-mismatch']);
  });
});

describe('policyIdFor', () => {
  test.each([
    ['sioux-falls-sd-2017-11-29-a.md', {}, 'sioux-falls-sd-2017-11-29-a'],
    ['001_c7dd285aa01cdc3f.txt', { place: 'riverbend-mo', date: '2016-03-15' }, 'riverbend-mo-2016-03-15'],
    ['Policy Text.txt', { place: 'riverbend-mo', year: 2014 }, 'riverbend-mo-2014'],
    ['Policy Text.txt', {}, undefined],
    // A slug that is not a Hub id (no date at its end) is not taken as one.
    ['notes.md', { place: 'riverbend-mo', date: '2016-03-15' }, 'riverbend-mo-2016-03-15'],
    ['sacramento-ca-2013.md', {}, 'sacramento-ca-2013'],
  ])('%s → %s', (name, hub, id) => {
    expect(policyIdFor(name, hub)).toBe(id);
  });
});
