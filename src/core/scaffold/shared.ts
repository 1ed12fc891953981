/**
 * What every skeleton kind shares: the inputs it asks for, what it knows about
 * the content already there, and the helpers that turn names into slugs and
 * unknowns into "TODO: …" placeholders the validator refuses to publish.
 * Pure: no file system, no prompts (the CLI brings those).
 */
import { didYouMean } from '../util/did-you-mean.ts';

/** The kinds an editor can start with `npm run new` (guidelines are a fixed set of 31). */
export const SCAFFOLD_KINDS = ['place', 'contact', 'policy', 'faq'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** What the skeletons may refer to: the valid places and contacts in the content folder, and today. */
export interface ScaffoldContext {
  places: readonly { id: string; name: string; state: string }[];
  contacts: readonly { id: string; name: string; place: string }[];
  /** YYYY-MM-DD, written as the review date of new FAQs. */
  today: string;
}

/** Input values by name; a value is absent until given or defaulted. */
export type InputValues = Record<string, string | undefined>;

/** One thing the CLI asks for (as a prompt) or reads (as a --flag of the same name). */
export interface InputSpec {
  name: string;
  /** Plain-language question, shown as the prompt and in "missing" messages. */
  label: string;
  /** The file cannot be written without it. */
  required: boolean;
  /** Left empty, the field is written as a "TODO: …" placeholder (rather than left out). */
  placeholderWhenEmpty?: boolean;
  /** Allowed values, listed in the prompt. */
  choices?: readonly string[];
  /** Value proposed when nothing is given; may depend on earlier inputs. */
  fallback?: (values: InputValues, context: ScaffoldContext) => string | undefined;
  /** A reason the value is refused, or undefined when it is fine. */
  check?: (value: string, values: InputValues, context: ScaffoldContext) => string | undefined;
  /** Lines listing what can be referenced here (existing places, contacts), shown before asking. */
  help?: (values: InputValues, context: ScaffoldContext) => string[];
}

/** A content file to write: path relative to the content root, frontmatter and body. */
export interface Skeleton {
  relative: string;
  data: Record<string, unknown>;
  body: string;
  /** Reminders the validator cannot check (e.g. "add channels only from a source"). */
  notes: string[];
}

export interface KindScaffold {
  kind: ScaffoldKind;
  /** In the order they are asked: later fallbacks may use earlier answers. */
  inputs: readonly InputSpec[];
  build: (values: InputValues, context: ScaffoldContext) => Skeleton;
}

/** A placeholder value: the `placeholder` rule reports it until an editor replaces it. */
export function todo(what: string): string {
  return `TODO: ${what}`;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** "O'Fallon" → "ofallon", "Cañon City" → "canon-city", "City Clerk" → "city-clerk". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function checkSlug(value: string): string | undefined {
  return isSlug(value) ? undefined : `"${value}" is not a slug: use lower-case letters, digits and single hyphens, e.g. "${slugify(value) || 'city-clerk'}"`;
}

/** A place that must already be in content/, with a did-you-mean. */
export function checkExistingPlace(value: string, _values: InputValues, context: ScaffoldContext): string | undefined {
  if (context.places.some((p) => p.id === value)) return undefined;
  const suggestion = didYouMean(value, context.places.map((p) => p.id));
  return `no place "${value}" in the content folder${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: add it first with "npm run new -- place", or fix the errors in its file (npm run validate)`;
}

export function listPlaces(_values: InputValues, context: ScaffoldContext): string[] {
  if (!context.places.length) return ['No places yet: add one first with "npm run new -- place".'];
  return ['Places you can use:', ...context.places.map((p) => `  ${p.id}  (${p.name}, ${p.state})`)];
}

/** Comma- or space-separated ids, without empties. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Contacts named in a list input: each must exist; empty is fine. */
export function checkContactList(value: string, _values: InputValues, context: ScaffoldContext): string | undefined {
  const known = new Set(context.contacts.map((c) => c.id));
  const unknown = splitList(value).filter((id) => !known.has(id));
  if (!unknown.length) return undefined;
  return unknown
    .map((id) => {
      const suggestion = didYouMean(id, known);
      return `no contact "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    })
    .join('; ')
    .concat(': contact ids are "<place>/<office>"; add a missing one with "npm run new -- contact"');
}

/** The contacts of the chosen place first, then any other (a state office may enforce a city's rule). */
export function listContacts(values: InputValues, context: ScaffoldContext): string[] {
  if (!context.contacts.length) return ['No contacts yet: add them with "npm run new -- contact" (or leave this empty).'];
  const place = values['place'];
  const sorted = [...context.contacts].sort((a, b) => Number(b.place === place) - Number(a.place === place) || a.id.localeCompare(b.id));
  return ['Contacts you can use (ids, separated by commas):', ...sorted.map((c) => `  ${c.id}  (${c.name})`)];
}

/** Leaves out undefined entries so the YAML shows only what was set. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
