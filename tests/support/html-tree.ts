/**
 * Reading built pages as hast trees in site tests: find elements, read an
 * attribute as a string, class and link lookups. One copy for the tests that
 * walk many pages (paging, analysis paging).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Every element under `tree` that passes `test`, in document order. */
export function elements(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** An attribute as the page wrote it (class lists joined by spaces); undefined when absent. */
export function attr(el: Element, name: string): string | undefined {
  const value = el.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
}

export const hasClass = (el: Element, name: string): boolean =>
  Array.isArray(el.properties['className']) && el.properties['className'].includes(name);

/** The page's <main>. */
export const main = (tree: Root): Element => elements(tree, (el) => el.tagName === 'main')[0]!;

/** hrefs of the links under `tree` whose href matches `pattern`. */
export const links = (tree: Root | Element, pattern: RegExp): string[] =>
  elements(tree, (el) => el.tagName === 'a' && pattern.test(attr(el, 'href') ?? '')).map((a) => attr(a, 'href')!);
