/**
 * The Atom feed of content changes (served as /rss.xml, the address the frame
 * advertises): FAQ reviews and policy adoptions, newest first, from the same
 * list the home page shows (graph/latest.ts).
 *
 * Every timestamp comes from the content, never from the build clock, so two
 * builds of the same content give the same bytes. Atom requires a full
 * date-time: a policy known only by its year is left out of the feed rather
 * than given a day it does not have.
 */
import { latestChanges, type LatestChange } from '../graph/latest.ts';
import type { KnowledgeBase } from '../graph/types.ts';
import { createHrefs } from '../urls.ts';
import { withoutCitations, type AbsoluteUrl } from './json-ld.ts';
import { escapeXml } from './xml.ts';

const paths = createHrefs('/');

/** Most entries a feed carries; readers only look at the top. */
export const FEED_LIMIT = 50;

export interface FeedOptions {
  /** Site name: the feed title and its author. */
  siteTitle: string;
  absoluteUrl: AbsoluteUrl;
  /** Whether the site has a page at a site path (see routes.ts); entries only link to pages that exist. */
  pageExists: (sitePath: string) => boolean;
  limit?: number;
}

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  /** RFC 3339, midnight UTC of the content date. */
  updated: string;
  summary: string;
  category: 'faq' | 'policy';
}

/** YYYY-MM-DD → the RFC 3339 timestamp Atom wants. */
export function atomTimestamp(day: string): string {
  return `${day}T00:00:00Z`;
}

function entryOf(kb: KnowledgeBase, change: LatestChange, absoluteUrl: AbsoluteUrl): FeedEntry {
  if (change.kind === 'faq-reviewed') {
    const faq = kb.faq(change.id);
    const url = absoluteUrl(paths.faq(change.id));
    return {
      // The review date is part of the id: a later review is a new entry, not an edit of the old one.
      id: `${url}#reviewed-${change.date}`,
      title: `Reviewed: ${change.title} (${change.placeName})`,
      url,
      updated: atomTimestamp(change.date),
      summary: faq ? withoutCitations(faq.doc.data.summary) : change.title,
      category: 'faq',
    };
  }
  const policy = kb.policy(change.id);
  const url = absoluteUrl(paths.policy(change.id));
  return {
    id: url,
    title: `Adopted: ${change.title} (${change.placeName})`,
    url,
    updated: atomTimestamp(change.date),
    summary: policy ? `${policy.doc.data.legal_custom} of ${change.placeName}, adopted ${change.date}.` : change.title,
    category: 'policy',
  };
}

/** The feed's entries, newest first. */
export function feedEntries(kb: KnowledgeBase, options: FeedOptions): FeedEntry[] {
  return latestChanges(kb, Infinity)
    .filter((c) => c.precision === 'day')
    .filter((c) => options.pageExists(c.kind === 'faq-reviewed' ? paths.faq(c.id) : paths.policy(c.id)))
    .slice(0, options.limit ?? FEED_LIMIT)
    .map((c) => entryOf(kb, c, options.absoluteUrl));
}

/** The Atom document. `updated` is the newest entry's date (the feed has changed when its content has). */
export function atomFeed(kb: KnowledgeBase, options: FeedOptions): string {
  const entries = feedEntries(kb, options);
  const home = options.absoluteUrl(paths.home());
  const self = options.absoluteUrl('/rss.xml');
  // An empty feed still needs an <updated>: the Unix epoch says "never" without using the clock.
  const updated = entries[0]?.updated ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <title>${escapeXml(options.siteTitle)} — updates</title>`,
    '  <subtitle>Policies adopted and resident guides reviewed, newest first.</subtitle>',
    `  <id>${escapeXml(self)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.siteTitle)}</name></author>`,
  ];
  for (const e of entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `    <updated>${e.updated}</updated>`,
      `    <category term="${e.category}"/>`,
      `    <summary>${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
