/**
 * "Use the official complaint/contact pages listed in Resources below": a
 * sentence that sends the reader to the Resources list for an office it names
 * cites that office's Resources item, though it writes no "[n]". The link is
 * made only when the item's title names the same office as the sentence
 * ("City Clerk - Open Records and Contact" for "…the City Clerk…"), so a
 * sentence never gains a source about something else.
 */
import type { SourceData } from '../../schema/faq.ts';
import { findOffices } from './office-lexicon.ts';

const POINTS_TO_RESOURCES = /\b(?:in|see|under|from)\s+(?:the\s+)?Resources\b/;

/** Source numbers a sentence points to through the Resources list, in number order. */
export function resourcesCitedBy(text: string, sources: readonly SourceData[]): number[] {
  if (!POINTS_TO_RESOURCES.test(text)) return [];
  const named = new Set(findOffices(text).map((m) => m.office.slug));
  return sources
    .filter((source) => findOffices(source.title).some((m) => named.has(m.office.slug)))
    .map((source) => source.n);
}

/** `sources` with the pointed-to numbers added, without repeats. */
export function withResources(sources: readonly number[], text: string, all: readonly SourceData[]): number[] {
  return [...new Set([...sources, ...resourcesCitedBy(text, all)])].sort((a, b) => a - b);
}

/** The Resources items a sentence points to for one office (by its contact slug). */
export function resourcesForOffice(text: string, officeSlug: string, all: readonly SourceData[]): number[] {
  if (!POINTS_TO_RESOURCES.test(text)) return [];
  return all.filter((source) => findOffices(source.title).some((m) => m.office.slug === officeSlug)).map((s) => s.n);
}
