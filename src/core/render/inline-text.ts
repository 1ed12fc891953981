/**
 * Frontmatter text (facets, answers, steps) as safe inline HTML: escaped,
 * never parsed as HTML, with `[n]` linked to the document's source n.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderInlineText(text: string, sources: ReadonlySet<number>): string {
  return escapeHtml(text).replace(/\[(\d{1,3})\]/g, (whole, digits: string) => {
    const n = Number(digits);
    return sources.has(n) ? `<a href="#source-${n}" class="cite" aria-label="Source ${n}">[${n}]</a>` : whole;
  });
}

/**
 * Text shown away from its numbered sources (a list, a meta description,
 * JSON-LD, another page): "[n]" markers would point nowhere, so they go.
 */
export function withoutCitations(text: string): string {
  return text.replace(/\s*\[\d{1,3}\]/g, '').trim();
}
