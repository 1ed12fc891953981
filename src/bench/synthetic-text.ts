/**
 * Generated prose for the benchmark corpus: policy-like and FAQ-like sentences
 * assembled from small word lists. It reads like the genre (so lengths, word
 * counts and search-index sizes are realistic) without copying any real text.
 */
import type { Rng } from './prng.ts';

const ACTORS = [
  'The City', 'The Chief Data Officer', 'The Open Data Coordinator', 'Each department', 'The Data Governance Committee',
  'The City Manager', 'The Information Technology Department', 'Every agency head', 'The Records Manager',
  'The Open Data Advisory Board', 'The City Clerk', 'Department data stewards',
] as const;
const VERBS = [
  'shall publish', 'shall maintain', 'shall review', 'shall document', 'will prioritize', 'shall make available',
  'should update', 'shall report on', 'may release', 'shall coordinate', 'shall establish', 'will evaluate',
] as const;
const OBJECTS = [
  'datasets in open, machine-readable formats', 'a comprehensive inventory of data holdings', 'metadata for every published dataset',
  'the open data portal', 'a schedule for the release of high-value datasets', 'application programming interfaces for frequently used data',
  'standards for data quality and timeliness', 'guidance on the protection of sensitive information', 'an annual open data report',
  'records of public participation', 'procedures for retiring outdated datasets', 'licensing terms that place no restriction on reuse',
  'unique identifiers for locations and entities', 'a process for residents to request new datasets',
] as const;
const QUALIFIERS = [
  'within ninety days of adoption', 'on a regular and predictable schedule', 'subject to applicable privacy law', 'at no cost to the public',
  'in consultation with residents and stakeholders', 'at least once each fiscal year', 'to the extent practicable', 'without registration or login',
  'in a permanent and stable location', 'consistent with the records retention schedule', 'as resources allow', 'in plain language',
] as const;
const CONNECTIVES = ['In addition,', 'Where feasible,', 'Unless otherwise required by law,', 'For the purposes of this policy,', 'Accordingly,', 'Furthermore,'] as const;

export const SECTION_HEADINGS = [
  'Purpose', 'Definitions', 'Policy', 'Procedure', 'Governance', 'Implementation', 'Data Inventory', 'Publication Standards',
  'Privacy and Security', 'Public Engagement', 'Licensing', 'Review and Reporting', 'Roles and Responsibilities', 'Effective Date',
] as const;
export const SUBSECTION_HEADINGS = ['Scope', 'Exceptions', 'Timeline', 'Responsibilities', 'Reporting', 'Standards'] as const;

/** One policy-style sentence. */
export function policySentence(rng: Rng): string {
  const lead = rng.chance(0.2) ? `${rng.pick(CONNECTIVES)} ` : '';
  const actor = lead ? rng.pick(ACTORS).replace(/^The /, 'the ').replace(/^Each /, 'each ').replace(/^Every /, 'every ').replace(/^Department /, 'department ') : rng.pick(ACTORS);
  return `${lead}${actor} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(QUALIFIERS)}.`;
}

/** 2–6 policy sentences joined into a paragraph. */
export function policyParagraph(rng: Rng, min = 2, max = 6): string {
  return Array.from({ length: rng.int(min, max) }, () => policySentence(rng)).join(' ');
}

const RESIDENT_SUBJECTS = [
  'Residents', 'Businesses', 'Property owners', 'Requesters', 'Applicants', 'Neighbourhood groups', 'Researchers and journalists',
] as const;
const RESIDENT_VERBS = [
  'can ask for', 'may submit a request for', 'can find', 'should check', 'can appeal a decision about', 'may download',
] as const;
const RESIDENT_OBJECTS = [
  'public records held by the city', 'datasets on the open data portal', 'the status of a pending request', 'the fee schedule for copies',
  'the forms needed to file a complaint', 'the municipal code section on records', 'contact details of the responsible office',
] as const;
const RESIDENT_TAILS = [
  'online or in person', 'through the city website', 'by mail or email', 'during regular office hours', 'free of charge in most cases',
  'within the time limits set by state law', 'after reading the cited page',
] as const;

/** One resident-facing sentence, optionally ending in citations such as " [2]". */
export function residentSentence(rng: Rng, cite: readonly number[] = []): string {
  const citations = cite.map((n) => ` [${n}]`).join('');
  return `${rng.pick(RESIDENT_SUBJECTS)} ${rng.pick(RESIDENT_VERBS)} ${rng.pick(RESIDENT_OBJECTS)} ${rng.pick(RESIDENT_TAILS)}${citations}.`;
}

/** A question a resident asks. */
export function residentQuestion(rng: Rng): string {
  const starts = ['How do I', 'Where can I', 'Who should I contact to', 'Is there a fee to', 'How long does it take to', 'Can I'] as const;
  const ends = [
    'request public records', 'find a dataset', 'appeal a denied request', 'report a problem with published data',
    'get copies of council minutes', 'file a complaint about a records request', 'learn which data is withheld',
  ] as const;
  return `${rng.pick(starts)} ${rng.pick(ends)}?`;
}
