/** Citation styles of the article family, all rewritten as " [n]" with the link text kept as a name. */
import { describe, expect, test } from 'vitest';
import { citedNumbers, parseCitations } from '../../../src/core/importers/faq-text/citations.ts';

describe('parseCitations', () => {
  test.each([
    // Link text appended to the sentence: dropped from the text, kept as the name.
    ['consult the code host linked below Municipal Code[1].', 'consult the code host linked below [1].', [{ n: 1, name: 'Municipal Code' }]],
    // Bare marker after a space.
    ['see the clerk pages [2] for forms.', 'see the clerk pages [2] for forms.', [{ n: 2 }]],
    // Marker after the full stop: moved before it.
    ['Fines are not specified on the cited page.[1]', 'Fines are not specified on the cited page [1].', [{ n: 1 }]],
    // Two markers glued together.
    ['State law governs this.[1][2]', 'State law governs this [1] [2].', [{ n: 1 }, { n: 2 }]],
    // A lower-case word glued to the marker is not a name.
    ['read the policy pages[3].', 'read the policy pages [3].', [{ n: 3 }]],
    // A domain is a word of the sentence: kept.
    ['Main portal: data.riverbend.gov[1]', 'Main portal: data.riverbend.gov [1]', [{ n: 1, name: 'data.riverbend.gov' }]],
    // The link text repeats the words before it: the copy goes.
    ['found in the Riverbend Code of Ordinances Riverbend Code of Ordinances[1].', 'found in the Riverbend Code of Ordinances [1].', [{ n: 1, name: 'Riverbend Code of Ordinances' }]],
    // A name that is the subject of its sentence stays.
    ['It applies. Riverbend Open Data program[1] lists the feeds.', 'It applies. Riverbend Open Data program [1] lists the feeds.', [{ n: 1, name: 'Riverbend Open Data program' }]],
    // A row of links after a sentence: names dropped, markers before the full stop.
    ['Start with these sources. Municipal Code[1] Open Data portal[2]', 'Start with these sources [1] [2].', [{ n: 1, name: 'Municipal Code' }, { n: 2, name: 'Open Data portal' }]],
    // After a determiner the name is part of the sentence.
    ['Use the Records Request Page[2] to ask.', 'Use the Records Request Page [2] to ask.', [{ n: 2, name: 'Records Request Page' }]],
    // "Office of the City Manager": connectors inside a name.
    ['contact details are on the department site Office of the City Manager[3].', 'contact details are on the department site [3].', [{ n: 3, name: 'Office of the City Manager' }]],
  ])('%s', (input, text, expected) => {
    const result = parseCitations(input);
    expect(result.text).toBe(text);
    expect(result.citations.map(({ n, name }) => (name ? { n, name } : { n }))).toEqual(expected);
  });

  test('a marker glued to words records that its words may describe the source; one after a full stop does not', () => {
    const [glued] = parseCitations('see the code host referenced below[1]').citations;
    const [after] = parseCitations('This is not specified.[1]').citations;
    expect(glued).toMatchObject({ afterWords: true, context: 'see the code host referenced below' });
    expect(after?.afterWords).toBe(false);
  });

  test('citedNumbers lists each number once', () => {
    expect(citedNumbers('a [1] b [2] c [1]')).toEqual([1, 2]);
  });
});
