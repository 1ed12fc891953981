/** "Penalties & Enforcement": label synonyms, statuses, sources, enforcers linked to offices. */
import { describe, expect, test } from 'vitest';
import { LABEL_RULES, ruleForLabel } from '../../../src/core/importers/faq-text/enforcement-labels.ts';
import { normalizeText } from '../../../src/core/importers/faq-text/normalize-text.ts';
import { parseEnforcement, statusOf } from '../../../src/core/importers/faq-text/parse-enforcement.ts';

const lines = (text: string) => normalizeText(text).lines;
const parse = (text: string, known: { id: string; name: string }[] = []) => parseEnforcement(lines(text), 'a.txt', 'riverbend-mo', known);

describe('label synonyms', () => {
  test.each([
    ['Enforcer', 'enforcers'],
    ['Enforcing department', 'enforcers'],
    ['Enforcer and contact', 'enforcers'],
    ['Enforcer and complaint pathways', 'enforcers'],
    ['Fines', 'fines'],
    ['Fine amounts', 'fines'],
    ['Monetary fines', 'fines'],
    ['Fines and fees', 'fines'],
    ['Fines and monetary penalties', 'fines'],
    ['Escalation', 'escalation'],
    ['Escalation (first/repeat/continuing offences)', 'escalation'],
    ['Non-monetary sanctions', 'sanctions'],
    ['Non-monetary remedies', 'sanctions'],
    ['Enforcement actions', 'sanctions'],
    ['Inspection and complaint pathway', 'complaints'],
    ['Inspections and complaints', 'complaints'],
    ['Inspection/complaint pathway', 'complaints'],
    ['Complaint pathways', 'complaints'],
    ['Appeals', 'appeals'],
    ['Appeals and review', 'appeals'],
    ['Appeals/review', 'appeals'],
    ['Appeals or reviews', 'appeals'],
    ['Timelines', 'timelines'],
    ['Time limits', 'timelines'],
    ['Defences/discretion', 'body'],
    ['Defences and discretion', 'body'],
  ])('"%s" → %s', (label, target) => {
    expect(ruleForLabel(label)?.target).toBe(target);
  });

  test('every example written in the table maps to its own row', () => {
    for (const rule of LABEL_RULES) for (const example of rule.examples) expect(ruleForLabel(example)?.target, example).toBe(rule.target);
  });

  test('"Enforcer and complaint pathways" also fills the complaints facet', () => {
    expect(ruleForLabel('Enforcer and complaint pathways')?.also).toBe('complaints');
    const parsed = parse('- Enforcer and complaint pathways: complaints go to the City Clerk [2].');
    expect(parsed.facets.complaints).toEqual({ status: 'stated', text: 'Complaints go to the City Clerk [2].', sources: [2] });
  });

  test('a label that is no facet is not read as one', () => {
    expect(ruleForLabel('Primary portal')).toBeUndefined();
  });
});

describe('statusOf', () => {
  test.each([
    ['Not specified on the cited page.', 'not-specified'],
    ['First, repeat and continuing offences are not specified on the cited page.', 'not-specified'],
    ['Specific enforcement provisions are not stated on the cited page.', 'not-specified'],
    ['Orders to delete footage; details are not fully detailed on the cited page.', 'stated'],
    ['Up to $500 a day.', 'stated'],
  ])('%s → %s', (text, status) => {
    expect(statusOf(text)).toBe(status);
  });
});

describe('parseEnforcement', () => {
  test('a facet cites its own [n], else the page the section cites', () => {
    const parsed = parse(
      ['The camera chapter of the code was checked [1].', '• Fines: not specified on the cited page.', '• Escalation: daily fines apply [3].'].join('\n'),
    );
    expect(parsed.facets.fines).toEqual({ status: 'not-specified', text: 'Not specified on the cited page.', sources: [1] });
    expect(parsed.facets.escalation).toEqual({ status: 'stated', text: 'Daily fines apply [3].', sources: [3] });
  });

  test('"not specified" with no page cited anywhere is reported missing its source', () => {
    const parsed = parse('- Fines: not specified on the cited page.');
    expect(parsed.facets.fines?.sources).toEqual([]);
    expect(parsed.missing).toContain('source of the page checked for "fines" (the article says "not specified" without citing it)');
  });

  test('facets the section does not give are reported', () => {
    expect(parse('- Fines: up to $100.').missing).toEqual([
      'enforcement facet "enforcers"',
      'enforcement facet "escalation"',
      'enforcement facet "sanctions"',
      'enforcement facet "complaints"',
      'enforcement facet "appeals"',
    ]);
  });

  test('the Enforcer bullet links the offices of the lexicon, with what each does and cites', () => {
    const parsed = parse(
      '- Enforcer: City Clerk for records requests; City Attorney for legal action; Police Department for camera operation. See the Clerk page for forms [2].',
    );
    expect(parsed.enforcers_text).toBe(
      'City Clerk for records requests; City Attorney for legal action; Police Department for camera operation. See the Clerk page for forms [2].',
    );
    expect(parsed.enforcers).toEqual([
      { contact: 'riverbend-mo/city-clerk', role: 'records requests', sources: [] },
      { contact: 'riverbend-mo/city-attorney', role: 'legal action', sources: [] },
      { contact: 'riverbend-mo/police-department', role: 'camera operation', sources: [] },
    ]);
    expect(parsed.enforcers_sources).toEqual([2]);
    expect(parsed.offices.map((o) => [o.slug, o.role, o.handles])).toEqual([
      ['city-clerk', 'clerk', ['records requests']],
      ['city-attorney', 'attorney', ['legal action']],
      ['police-department', 'police', ['camera operation']],
    ]);
  });

  test.each([
    ['the Office of the City Manager', 'city-manager'],
    ['the Department of Information Technology', 'information-technology'],
    ['IT staff', 'information-technology'],
    ['the Code Enforcement office', 'code-enforcement'],
    ['Records Management', 'records'],
    ['Planning', 'planning'],
    ['a designated privacy officer', 'privacy-officer'],
    ['the City Secretary', 'city-secretary'],
  ])('lexicon: "%s" → %s', (words, slug) => {
    expect(parse(`- Enforcer: ${words} handles complaints.`).enforcers.map((e) => e.contact)).toEqual([`riverbend-mo/${slug}`]);
  });

  test('an office written by its full name keeps it as the contact name', () => {
    expect(parse('- Enforcer: the Office of the City Manager handles appeals.').offices.map((o) => o.name)).toEqual(['Office of the City Manager']);
    expect(parse('- Enforcer: the City Manager handles appeals.').offices.map((o) => o.name)).toEqual(['City Manager']);
  });

  test('"open records" is a kind of request, not the Records office', () => {
    expect(parse('- Enforcer: the City Clerk handles Open Records requests.').enforcers.map((e) => e.contact)).toEqual(['riverbend-mo/city-clerk']);
  });

  test('a contact already in the content is linked by its name, and no new office is made for it', () => {
    const parsed = parse('- Enforcer: the Municipal Court Clerk hears disputes.', [{ id: 'riverbend-mo/court-clerk', name: 'Municipal Court Clerk' }]);
    expect(parsed.enforcers.map((e) => e.contact)).toEqual(['riverbend-mo/court-clerk']);
    expect(parsed.offices).toEqual([]);
  });

  test('a role read after a list is given only to the office it follows', () => {
    const parsed = parse('- Enforcer: the City Clerk, Planning or the camera program and the City Attorney for legal enforcement.');
    expect(parsed.enforcers.map((e) => [e.contact, e.role])).toEqual([
      ['riverbend-mo/city-clerk', undefined],
      ['riverbend-mo/planning', undefined],
      ['riverbend-mo/city-attorney', 'legal enforcement'],
    ]);
  });

  test('an Enforcer bullet naming no known office is reported', () => {
    const parsed = parse('- Enforcer: the state regulator.');
    expect(parsed.enforcers).toEqual([]);
    expect(parsed.missing).toContain('an office the lexicon recognises in the Enforcer bullet');
  });

  test('defences, prose and unlabelled bullets stay in the body; an unlabelled bullet is a warning with its line', () => {
    const parsed = parse(
      ['Intro sentence [1].', 'Summary of elements:', '- Fines: none stated.', '- Defences/discretion: permits may excuse a breach.', '- Something else entirely.'].join('\n'),
    );
    expect(parsed.bodyLines.map((l) => l.text)).toEqual([
      'Intro sentence [1].',
      'Defences/discretion: permits may excuse a breach.',
      'Something else entirely.',
    ]);
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ file: 'a.txt', line: 5, rule: 'faq-import-unknown-label', severity: 'warning' }),
    ]);
  });

  test('a labelled prose line counts, and a bullet may start with its label without a colon', () => {
    const parsed = parse(['Appeals and review: a written appeal goes to the City Manager.', '- Non-monetary sanctions may include deletion orders.'].join('\n'));
    expect(parsed.facets.appeals?.text).toBe('A written appeal goes to the City Manager.');
    expect(parsed.facets.sanctions?.text).toBe('Non-monetary sanctions may include deletion orders.');
  });
});
