/**
 * Finds markup that could execute, load from elsewhere or change where the
 * page sends things, by parsing HTML the way a browser does (parse5 through
 * hast-util-from-html: entities decoded, tags split where a browser splits
 * them) and walking every element. Used on rendered bodies (strict) and on
 * whole built pages (the frame's own scripts and styles allowed only when the
 * page's CSP names their hash).
 */
import { createHash } from 'node:crypto';
import type { Element, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Elements that never belong in a page built from content. */
const ALWAYS_FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'base', 'portal', 'math', 'template', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes']);
/** Also forbidden inside a rendered body (the frame may have a search form, scripts, styles and a favicon). */
const BODY_FORBIDDEN = new Set(['script', 'style', 'svg', 'img', 'picture', 'source', 'video', 'audio', 'track', 'form', 'input', 'button', 'textarea', 'select', 'meta', 'link', 'title']);
/** Properties (hast names) whose value is a URL the browser may follow or load. */
const URL_PROPERTIES = ['href', 'src', 'srcSet', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'background', 'cite', 'ping', 'longDesc', 'codeBase', 'manifest', 'icon', 'useMap'];
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i;

export interface Finding {
  what: string;
  /** A short piece of the offending markup, for the failure message. */
  near: string;
}

function describe(node: Element): string {
  const attributes = Object.entries(node.properties)
    .map(([name, value]) => `${name}=${JSON.stringify(Array.isArray(value) ? value.join(' ') : value)}`)
    .join(' ');
  return `<${node.tagName}${attributes ? ` ${attributes}` : ''}>`.slice(0, 160);
}

/** The scheme a browser would use: controls and whitespace removed, as the URL parser does. */
function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match ? match[1]!.toLowerCase() : undefined;
}

function unsafeUrl(node: Element, property: string, value: string): boolean {
  const urls = property === 'srcSet' || property === 'ping' ? value.split(/[\s,]+/).filter(Boolean) : [value];
  return urls.some((url) => {
    const scheme = schemeOf(url);
    if (scheme === undefined) return false; // relative: same site
    if (SAFE_SCHEME.test(`${scheme}:`)) return false;
    // The frame's inline favicon is the one data: URL a page may carry.
    const rel = node.properties['rel'];
    const isIcon = node.tagName === 'link' && Array.isArray(rel) && rel.includes('icon');
    return !(isIcon && /^data:image\/svg\+xml,/i.test(url.trim()));
  });
}

function checkAttributes(node: Element, findings: Finding[]): void {
  for (const [name, value] of Object.entries(node.properties)) {
    if (/^on/i.test(name)) findings.push({ what: `event handler ${name}`, near: describe(node) });
    if (name === 'style') findings.push({ what: 'style attribute', near: describe(node) });
    if (name === 'srcDoc') findings.push({ what: 'srcdoc attribute', near: describe(node) });
    if (URL_PROPERTIES.includes(name)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (unsafeUrl(node, name, text)) findings.push({ what: `unsafe URL in ${name}`, near: describe(node) });
    }
  }
}

/** Active markup in a rendered body fragment: anything beyond text, formatting, tables and safe links. */
export function findActiveMarkupInBody(html: string): Finding[] {
  const tree = fromHtml(html, { fragment: true });
  const findings: Finding[] = [];
  visit(tree, 'element', (node: Element) => {
    if (ALWAYS_FORBIDDEN.has(node.tagName) || BODY_FORBIDDEN.has(node.tagName)) findings.push({ what: `<${node.tagName}> element`, near: describe(node) });
    checkAttributes(node, findings);
    // Ids a body may set: passage anchors and heading slugs. Never one that looks chosen to clobber a global.
    const id = node.properties['id'];
    if (typeof id === 'string' && /pwned/i.test(id)) findings.push({ what: `id "${id}" taken from content`, near: describe(node) });
  });
  return findings;
}

function cspOf(tree: Root): string | undefined {
  let csp: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'meta' && String(node.properties['httpEquiv'] ?? '').toLowerCase() === 'content-security-policy') {
      csp = String(node.properties['content'] ?? '');
    }
  });
  return csp;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** One directive's sources, e.g. sourcesOf(csp, 'script-src'). */
export function sourcesOf(csp: string, directive: string): string[] {
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === directive) return sources;
  }
  return [];
}

/**
 * Active markup in a whole built page. Scripts must be JSON-LD that parses as
 * JSON, a same-site module, or inline code whose hash the page's CSP lists;
 * inline styles likewise. Everything else follows the body rules for
 * handlers, style attributes, URLs and forbidden elements.
 */
export function findActiveMarkupInPage(html: string): Finding[] {
  const tree = fromHtml(html);
  const findings: Finding[] = [];
  const csp = cspOf(tree);
  if (!csp) findings.push({ what: 'no content-security-policy meta tag', near: html.slice(0, 120) });
  const scriptSources = sourcesOf(csp ?? '', 'script-src');
  const styleSources = sourcesOf(csp ?? '', 'style-src');
  visit(tree, 'element', (node: Element) => {
    if (ALWAYS_FORBIDDEN.has(node.tagName)) findings.push({ what: `<${node.tagName}> element`, near: describe(node) });
    checkAttributes(node, findings);
    const text = node.children.filter((c): c is Text => c.type === 'text').map((c) => c.value).join('');
    if (node.tagName === 'script') {
      const type = String(node.properties['type'] ?? '');
      const src = node.properties['src'];
      if (type === 'application/ld+json') {
        try {
          JSON.parse(text);
        } catch {
          findings.push({ what: 'JSON-LD that is not JSON (broken out of?)', near: text.slice(0, 120) });
        }
      } else if (typeof src === 'string') {
        if (schemeOf(src) !== undefined || src.startsWith('//')) findings.push({ what: 'script from another origin', near: describe(node) });
      } else if (!scriptSources.includes(sha256(text))) {
        findings.push({ what: 'inline script whose hash the CSP does not list', near: text.slice(0, 120) });
      }
    }
    if (node.tagName === 'style' && !styleSources.includes(sha256(hastToString(node)))) {
      findings.push({ what: 'inline style whose hash the CSP does not list', near: hastToString(node).slice(0, 120) });
    }
    if (node.tagName === 'meta') {
      const httpEquiv = String(node.properties['httpEquiv'] ?? '').toLowerCase();
      if (httpEquiv && httpEquiv !== 'content-security-policy') findings.push({ what: `meta http-equiv="${httpEquiv}"`, near: describe(node) });
    }
    if (node.tagName === 'link') {
      const rel = (node.properties['rel'] as string[] | undefined) ?? [];
      const href = String(node.properties['href'] ?? '');
      // Canonical and feed links name URLs; only stylesheets, icons and preloads make the browser fetch.
      if (rel.some((r) => ['stylesheet', 'preload', 'modulepreload', 'import', 'prefetch', 'dns-prefetch', 'preconnect'].includes(r)) && (schemeOf(href) !== undefined || href.startsWith('//'))) {
        findings.push({ what: `<link rel="${rel.join(' ')}"> to another origin`, near: describe(node) });
      }
    }
    if ((node.tagName === 'img' || node.tagName === 'iframe' || node.tagName === 'video' || node.tagName === 'audio') && typeof node.properties['src'] === 'string') {
      const src = node.properties['src'];
      if (schemeOf(src) !== undefined || src.startsWith('//')) findings.push({ what: `<${node.tagName}> loading from another origin`, near: describe(node) });
    }
    if (node.tagName === 'form') {
      const action = String(node.properties['action'] ?? '');
      if (schemeOf(action) !== undefined || action.startsWith('//')) findings.push({ what: 'form submitting to another origin', near: describe(node) });
    }
  });
  return findings;
}

/** Visible text of a page's <main> (or of the whole page when it has none), whitespace collapsed. */
export function mainText(html: string): string {
  const tree = fromHtml(html);
  let main: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (!main && node.tagName === 'main') main = node;
  });
  return hastToString(main ?? tree).replace(/\s+/g, ' ');
}

/** Text of the page's <title>. */
export function titleText(html: string): string {
  const tree = fromHtml(html);
  let title = '';
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'title') title = hastToString(node);
  });
  return title;
}

/** Parsed JSON-LD blocks of a page. */
export function jsonLdBlocks(html: string): unknown[] {
  const tree = fromHtml(html);
  const blocks: unknown[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'script' && node.properties['type'] === 'application/ld+json') blocks.push(JSON.parse(hastToString(node)));
  });
  return blocks;
}
