/**
 * The city offices the importer can recognise in an "Enforcer" sentence, with
 * the ways the article family writes them. Each becomes one contact,
 * content/contacts/<place>/<slug>.md. State bodies ("Texas Attorney General")
 * are deliberately absent: they are not offices of the place.
 */
import type { ContactData } from '../../schema/contact.ts';

export interface OfficeEntry {
  slug: string;
  name: string;
  role: ContactData['role'];
  /** Any of these found in the sentence names the office. Case matters where "IT" or "Records" must be a name. */
  patterns: readonly RegExp[];
  /** The office's full name, used when the article writes it so ("the Office of the City Manager"). */
  fullName?: { pattern: RegExp; name: string } | undefined;
}

export const OFFICE_LEXICON: readonly OfficeEntry[] = [
  { slug: 'city-clerk', name: 'City Clerk', role: 'clerk', patterns: [/\bCity Clerk\b/i, /\bMunicipal Clerk\b/i, /\bClerk['’]s Office\b/i] },
  { slug: 'city-secretary', name: 'City Secretary', role: 'clerk', patterns: [/\bCity Secretary\b/i] },
  { slug: 'city-attorney', name: 'City Attorney', role: 'attorney', patterns: [/\bCity Attorney\b/i, /\bCity Law Department\b/i] },
  { slug: 'legal-department', name: 'Legal Department', role: 'attorney', patterns: [/\bLegal Department\b/, /\bLaw Department\b/] },
  {
    slug: 'city-manager',
    name: 'City Manager',
    role: 'manager',
    patterns: [/\bCity Manager\b/i],
    fullName: { pattern: /\bOffice of the City Manager\b/i, name: 'Office of the City Manager' },
  },
  {
    slug: 'information-technology',
    name: 'Information Technology',
    role: 'information-technology',
    patterns: [/\bInformation Technology\b/i, /\bIT\b/, /\bTechnology Services\b/i, /\bInnovation and Technology\b/i],
  },
  { slug: 'code-enforcement', name: 'Code Enforcement', role: 'code-enforcement', patterns: [/\bCode Enforcement\b/i] },
  { slug: 'police-department', name: 'Police Department', role: 'police', patterns: [/\bPolice\b/] },
  { slug: 'records', name: 'Records', role: 'records', patterns: [/\bRecords Management\b/i, /\bRecords (?:office|division|unit)\b/i, /(?<!Open |Public |open |public )\bRecords\b/] },
  { slug: 'planning', name: 'Planning', role: 'department', patterns: [/\bPlanning\b/] },
  { slug: 'privacy-officer', name: 'Privacy Officer', role: 'privacy', patterns: [/\bprivacy officer\b/i, /\bprivacy office\b/i] },
];

export interface OfficeMention {
  office: OfficeEntry;
  /** Offset of the first mention in the searched text. */
  at: number;
}

/** The name an office's contact takes: its full name when the text writes it, else the short one. */
export function officeName(office: OfficeEntry, text: string): string {
  return office.fullName?.pattern.test(text) ? office.fullName.name : office.name;
}

/** Offices named in a text, in the order they first appear. */
export function findOffices(text: string): OfficeMention[] {
  const found: OfficeMention[] = [];
  for (const office of OFFICE_LEXICON) {
    const offsets = office.patterns.map((p) => p.exec(text)?.index).filter((i): i is number => i !== undefined);
    if (offsets.length) found.push({ office, at: Math.min(...offsets) });
  }
  return found.sort((a, b) => a.at - b.at);
}
