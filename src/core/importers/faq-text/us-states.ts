/**
 * State names ↔ USPS codes for reading articles, which write "Missouri" where
 * the content model stores "MO". Built from the schema's one list.
 */
import { US_STATES, type UsStateCode } from '../../schema/common.ts';

const CODE_BY_NAME = new Map<string, UsStateCode>(
  Object.entries(US_STATES).map(([code, name]) => [name.toLowerCase(), code as UsStateCode]),
);

/** Longest names first, so "West Virginia" wins over "Virginia" in an alternation. */
export const STATE_NAMES: readonly string[] = Object.values(US_STATES)
  .slice()
  .sort((a, b) => b.length - a.length);

/** Regex source matching any state name. */
export const STATE_NAME_PATTERN = STATE_NAMES.map((name) => name.replace(/\./g, '\\.')).join('|');

/** USPS code of a state written by name ("Missouri") or by code ("MO"); undefined when neither. */
export function stateCode(nameOrCode: string): UsStateCode | undefined {
  const trimmed = nameOrCode.trim();
  if (/^[A-Z]{2}$/.test(trimmed) && trimmed in US_STATES) return trimmed as UsStateCode;
  return CODE_BY_NAME.get(trimmed.toLowerCase());
}
