/** Headings found by shape and by name, in any order; FAQ questions are not headings. */
import { describe, expect, test } from 'vitest';
import { normalizeText } from '../../../src/core/importers/faq-text/normalize-text.ts';
import { sectionKindOf, splitSections } from '../../../src/core/importers/faq-text/split-sections.ts';

const split = (text: string) => splitSections(normalizeText(text).lines);

describe('sectionKindOf', () => {
  test.each([
    ['Overview', 'overview'],
    ['Introduction', 'overview'],
    ['Penalties & Enforcement', 'enforcement'],
    ['Penalties and Enforcement', 'enforcement'],
    ['Applications & Forms', 'forms'],
    ['FAQ', 'faq'],
    ['Frequently Asked Questions', 'faq'],
    ['How-To', 'howto'],
    ['How to', 'howto'],
    ['Key Takeaways', 'takeaways'],
    ['Help and Support / Resources', 'resources'],
    ['Resources', 'resources'],
    ['How to find Riverbend open data APIs', 'free'],
    ['Camera Locations', 'free'],
  ] as const)('%s → %s', (heading, kind) => {
    expect(sectionKindOf(heading)).toBe(kind);
  });
});

describe('splitSections', () => {
  test('sections in another order, free sections between them, the lead before the first heading', () => {
    const { lead, sections } = split(
      [
        'Riverbend, Missouri publishes camera data.',
        'FAQ',
        'Is footage public?',
        'Some of it [1].',
        'Where the Cameras Are',
        'The records page lists them.',
        'Penalties & Enforcement',
        '- Fines: not specified on the cited page.',
      ].join('\n'),
    );
    expect(lead.map((l) => l.text)).toEqual(['Riverbend, Missouri publishes camera data.']);
    expect(sections.map((s) => [s.kind, s.heading, s.lines.length])).toEqual([
      ['faq', 'FAQ', 2],
      ['free', 'Where the Cameras Are', 1],
      ['enforcement', 'Penalties & Enforcement', 1],
    ]);
  });

  test('a question heading outside the FAQ opens a section; inside the FAQ a question is a question', () => {
    const { sections } = split(
      ['Intro line.', 'What controls camera data?', 'The records chapter does.', 'FAQ', 'Who keeps footage?', 'The City Clerk', 'Can I ask?', 'Yes'].join('\n'),
    );
    expect(sections.map((s) => s.heading)).toEqual(['What controls camera data?', 'FAQ']);
    expect(sections[1]?.lines.map((l) => l.text)).toEqual(['Who keeps footage?', 'The City Clerk', 'Can I ask?', 'Yes']);
  });

  test('lines ending like a sentence, labelled lines and cited lines are never headings', () => {
    const { sections } = split(['Intro.', 'Summary of enforcement elements:', 'Primary portal: data.riverbend.gov[1]', 'Keep a copy.'].join('\n'));
    expect(sections).toEqual([]);
  });

  test('a known heading cut off by the end of the input is still a heading', () => {
    const { sections } = split('Intro.\nPenalties & Enfor');
    expect(sections.map((s) => [s.kind, s.lines.length])).toEqual([['enforcement', 0]]);
    expect(sections[0]?.heading).toBe('Penalties & Enfor');
  });

  test('cut-off prose at the end is not a heading', () => {
    expect(split('Intro.\nRiverbend enforces municipal c').sections).toEqual([]);
  });
});
