/**
 * The stylesheet that lets a reader highlight passages without JavaScript.
 *
 * A policy page carries radio inputs (#hl-none, #hl-all, #hl-<code>) before its
 * body; `:has()` rules light up the passages of the checked guideline. Following
 * a passage link lights up that passage through `:target` — but only a
 * passage's first part carries the id, so a passage that crosses paragraphs
 * gets one extra rule that lights up every part sharing its data-passage.
 *
 * The rules depend on the page (its codes and anchors), so they are written per
 * page into one <style> element whose hash the page adds to the CSP.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function assertSlug(value: string): string {
  // Codes and anchors are slugs by schema; refusing anything else keeps the style element inert.
  if (!SLUG.test(value)) throw new Error(`not a slug, refusing to put it in a stylesheet: ${JSON.stringify(value)}`);
  return value;
}

/** Radio id for a guideline's highlight toggle. */
export const highlightInputId = (code: string) => `hl-${code}`;

export interface HighlightCssInput {
  /** Guideline codes used on the page, each with a toggle. */
  codes: readonly string[];
  /** Anchors of passages rendered in more than one part (they cross paragraphs). */
  multiPartAnchors: readonly string[];
}

/**
 * CSS for one policy page: every lit part gets a background, an underline and
 * an outline (never colour alone), and a passage's first part a text label
 * "[code]" that also prints. The values come from custom properties defined in
 * analyst.css, so the look is set there and only the selectors here.
 * `:is()` forgives selectors a browser cannot parse, so without `:has()`
 * support the `:target` highlight still works.
 *
 * The list of lit selectors (one or two per guideline used) is written once:
 * a lit part sets --hl-label, which every part's label reads (each part resets
 * it, so a passage nested in a lit one keeps its own state). Writing the list
 * again for the label doubled the style element on pages that use many
 * guidelines (5 KB of 25 guidelines' selectors per page at scale).
 */
export function highlightCss({ codes, multiPartAnchors }: HighlightCssInput): string {
  const toggled = [
    '.policy:has(#hl-all:checked) .g',
    ...codes.map((code) => `.policy:has(#${highlightInputId(assertSlug(code))}:checked) .g-${code}`),
  ];
  const targeted = [
    '.policy .g:target',
    ...multiPartAnchors.map((anchor) => `.policy:has(#${assertSlug(anchor)}:target) [data-passage="${anchor}"]`),
  ];
  const lit = [...toggled, ...targeted].join(',');
  return [
    '.policy .g{--hl-label:none}',
    `:is(${lit}){background:var(--hl-bg);color:var(--hl-text);text-decoration:var(--hl-line);text-underline-offset:.2em;outline:var(--hl-outline);-webkit-box-decoration-break:clone;box-decoration-break:clone;--hl-label:inline}`,
    `.policy .g:not([data-cont])::before{content:"[" attr(data-g) "] ";display:var(--hl-label);font-weight:700;font-size:.85em}`,
    `:is(${targeted.join(',')}){outline:var(--hl-target-outline)}`,
  ].join('\n');
}

/**
 * Anchors of passages the renderer split into parts (continuation parts carry
 * data-cont), read from its own output, so the rule set matches the body exactly.
 */
export function continuedAnchors(renderedHtml: string): string[] {
  const anchors = new Set<string>();
  for (const [tag] of renderedHtml.matchAll(/<span\b[^>]*\bdata-cont\b[^>]*>/g)) {
    const anchor = /\bdata-passage="([^"]+)"/.exec(tag)?.[1];
    if (anchor) anchors.add(anchor);
  }
  return [...anchors];
}
