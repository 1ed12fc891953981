/**
 * Slugs in the schema's form (lower-case words joined by single hyphens).
 * Apostrophes vanish rather than split a word: "O'Fallon" → "ofallon", as the
 * Sunlight Hub writes ofallon-mo.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
