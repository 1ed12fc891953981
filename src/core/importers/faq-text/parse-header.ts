/**
 * The top of an article: its title (the first line) and the optional header
 * line "Technology and Data Missouri 4 Minutes Read · published March 01, 2026
 * Flag of Missouri". The header is the only place a publication date can come
 * from; without it `published` stays absent.
 */
import type { UsStateCode } from '../../schema/common.ts';
import { STATE_NAME_PATTERN, stateCode } from './us-states.ts';
import type { TextLine } from './types.ts';

export interface ArticleHeader {
  /** Line of the header in the input. */
  line: number;
  /** Section label before the state name, e.g. "Technology and Data". */
  category?: string | undefined;
  state?: UsStateCode | undefined;
  readingMinutes?: number | undefined;
  /** YYYY-MM-DD, only when the header gives a full calendar date. */
  published?: string | undefined;
}

export interface ArticleTop {
  title?: TextLine | undefined;
  header?: ArticleHeader | undefined;
  /** The lines after the title and header. */
  rest: TextLine[];
}

const HEADER = new RegExp(
  String.raw`^(?<category>.*?)\s*\b(?<state>${STATE_NAME_PATTERN})\s+(?<minutes>\d{1,3})\s+Min(?:ute)?s?\.?\s+Read` +
    String.raw`(?:\s*[·•|\-–]?\s*published\s+(?<date>[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}))?` +
    String.raw`(?:\s+Flag of\s+(?<flag>.+))?\s*$`,
  'i',
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Splits the title and the header line off the article; both are optional in real input. */
export function parseHeader(lines: readonly TextLine[]): ArticleTop {
  const [first, ...after] = lines;
  if (!first) return { rest: [] };
  // The header sits right under the title; it is never searched for further down.
  const candidate = after[0];
  const header = candidate ? readHeaderLine(candidate) : undefined;
  return { title: first, header, rest: header ? after.slice(1) : after };
}

/** Reads one line as a header line; undefined when it is not one. */
export function readHeaderLine(line: TextLine): ArticleHeader | undefined {
  const match = HEADER.exec(line.text);
  if (!match?.groups) return undefined;
  const { category, state, minutes, date } = match.groups;
  return {
    line: line.line,
    category: category?.trim() || undefined,
    state: state ? stateCode(state) : undefined,
    readingMinutes: minutes ? Number(minutes) : undefined,
    published: date ? toIsoDate(date) : undefined,
  };
}

/** "March 01, 2026" → "2026-03-01"; undefined for anything that is not a real date. */
export function toIsoDate(written: string): string | undefined {
  const match = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(written.trim());
  if (!match) return undefined;
  const [, monthName = '', day = '', year = ''] = match;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}
