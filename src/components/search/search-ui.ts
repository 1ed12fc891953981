/**
 * Browser code of the search page, bundled by Astro (the CSP allows no inline
 * script). It runs after /pagefind/pagefind-component-ui.js, which defines the
 * <pagefind-*> elements, and:
 * - loads Pagefind's stylesheet, then swaps the "search needs JavaScript"
 *   notice for the search UI;
 * - starts the search for ?q= (the header's GET form lands here) and keeps ?q=
 *   in the address bar in step with the box, so a search can be shared;
 * - builds the filter checkboxes from the filters the index holds, labelled
 *   from the page's hidden label lists, and applies them (any value in a group);
 * - on a site indexed in bundles (pagefind/bundles.json lists states: see
 *   src/core/publish/search-bundles.ts), shows the "Search in" form and merges
 *   the chosen state's bundle (?state=xx), or every state's (?state=all), into
 *   the site bundle before the first search.
 */

import { ALL_STATES } from '../../core/publish/search-bundles.ts';

type FilterCounts = Record<string, Record<string, number>>;

/** A bundle merged into the site bundle, with the options the site bundle has (pagefind-config). */
interface MergedBundle {
  bundlePath: string;
  baseUrl?: string;
  highlightParam?: string;
  excerptLength?: number;
}

/** What scripts/lib/search-index.ts writes beside the site bundle when it writes state bundles. */
interface BundlesManifest {
  states: string[];
}

/** The slice of the Component UI's instance this page uses (Pagefind 1.6, pagefind-component-ui.js). */
interface PagefindInstance {
  applyOptions(options: { bundlePath: string; mergeIndex: MergedBundle[] }): void;
  on(event: 'filters', callback: (filters: { available: FilterCounts | null; total: FilterCounts | null }) => void): void;
  on(event: 'search', callback: (term: string) => void): void;
  triggerSearch(term: string): void;
  triggerFilters(filters: Record<string, { any: string[] }>): void;
}

interface PagefindComponentsGlobal {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}


interface FilterOption {
  input: HTMLInputElement;
  count: HTMLElement;
}

function labelsOf(group: HTMLElement): Map<string, string> {
  const labels = new Map<string, string>();
  for (const item of group.querySelectorAll<HTMLElement>('.search-filter__labels [data-value]')) {
    labels.set(item.dataset['value']!.toLowerCase(), item.textContent ?? '');
  }
  return labels;
}

/** Known values in the label list's order, then values the graph does not name, alphabetically. */
function orderValues(values: string[], labels: Map<string, string>): string[] {
  const known = [...labels.keys()];
  const rank = (v: string) => {
    const i = known.indexOf(v.toLowerCase());
    return i === -1 ? known.length : i;
  };
  return [...values].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function setupFilters(instance: PagefindInstance, root: HTMLElement): void {
  const groups = new Map<string, HTMLElement>();
  for (const group of root.querySelectorAll<HTMLElement>('fieldset[data-filter]')) groups.set(group.dataset['filter']!, group);
  const options = new Map<string, FilterOption>();

  const selected = (): Record<string, { any: string[] }> => {
    const filters: Record<string, { any: string[] }> = {};
    for (const [key, group] of groups) {
      const values = [...group.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((i) => i.value);
      if (values.length > 0) filters[key] = { any: values };
    }
    return filters;
  };

  const build = (total: FilterCounts) => {
    for (const [key, group] of groups) {
      const values = Object.keys(total[key] ?? {});
      const list = group.querySelector<HTMLElement>('.search-filter__options')!;
      const labels = labelsOf(group);
      for (const value of orderValues(values, labels)) {
        const id = `${key}:${value}`;
        if (options.has(id)) continue;
        const item = document.createElement('li');
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.name = key;
        input.value = value;
        input.addEventListener('change', () => instance.triggerFilters(selected()));
        const count = document.createElement('span');
        count.className = 'search-filter__count';
        label.append(input, ` ${labels.get(value.toLowerCase()) ?? value} `, count);
        item.append(label);
        list.append(item);
        options.set(id, { input, count });
      }
      group.hidden = values.length === 0;
    }
    root.hidden = options.size === 0;
  };

  instance.on('filters', ({ available, total }) => {
    if (!total) return;
    build(total);
    for (const [id, option] of options) {
      const [key, value] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
      const n = available?.[key]?.[value] ?? 0;
      // The count is text, not colour: "(3)" next to the label.
      option.count.textContent = `(${n})`;
    }
  });

  root.querySelector('[data-search-clear-filters]')?.addEventListener('click', () => {
    for (const { input } of options.values()) input.checked = false;
    instance.triggerFilters({});
  });

  // Open on wide screens, where the filters sit beside the results; on a phone they stay one tap away.
  if (window.matchMedia('(min-width: 60em)').matches) root.setAttribute('open', '');
}

/** Keeps ?q= equal to the current search so the address can be bookmarked or shared. */
function syncAddressBar(instance: PagefindInstance): void {
  instance.on('search', (term) => {
    const url = new URL(window.location.href);
    const trimmed = term.trim();
    if (trimmed) url.searchParams.set('q', trimmed);
    else url.searchParams.delete('q');
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  });
}

/**
 * Adds Pagefind's stylesheet (48 KB) to the page. It styles only the widgets
 * this script reveals, so the page does not link it and a visit without
 * JavaScript never fetches it. A <link> to our own origin is what the CSP's
 * style-src 'self' allows. Resolves when it has loaded, or failed (unstyled
 * widgets still work).
 */
function loadStylesheet(href: string | undefined): Promise<void> {
  if (!href || document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}

async function fetchManifest(bundlePath: string): Promise<BundlesManifest | undefined> {
  try {
    const response = await fetch(`${bundlePath}bundles.json`);
    if (!response.ok) return undefined;
    const manifest = (await response.json()) as BundlesManifest;
    return Array.isArray(manifest.states) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Shows the "Search in" form, set to ?state=, and points Pagefind at what it
 * names: no state, the site bundle (places, states, guidelines); a state, that
 * state's bundle alone (one copy of Pagefind's wasm to fetch); every state,
 * the state bundles merged (a download each). Unknown states fall back to the
 * site bundle. The form's button reloads the page with ?state= and the current
 * ?q=, so the choice is part of the address.
 */
function setupScope(instance: PagefindInstance, manifest: BundlesManifest, siteBundle: string): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-scope]');
  const select = form?.querySelector<HTMLSelectElement>('select');
  if (!form || !select) return;
  const available = new Set(manifest.states);
  for (const option of [...select.options]) if (option.value && option.value !== ALL_STATES && !available.has(option.value)) option.remove();
  const asked = new URLSearchParams(window.location.search).get('state')?.toLowerCase() ?? '';
  const chosen = asked === ALL_STATES ? manifest.states : available.has(asked) ? [asked] : [];
  select.value = chosen.length > 0 ? asked : '';
  const config = document.querySelector('pagefind-config');
  const excerpt = Number(config?.getAttribute('excerpt-length'));
  const shared = {
    ...(config?.getAttribute('base-url') ? { baseUrl: config.getAttribute('base-url')! } : {}),
    ...(config?.getAttribute('highlight-param') ? { highlightParam: config.getAttribute('highlight-param')! } : {}),
    ...(excerpt ? { excerptLength: excerpt } : {}),
  };
  const [first, ...rest] = chosen.map((state) => `${siteBundle}state/${state}/`);
  if (first) instance.applyOptions({ bundlePath: first, mergeIndex: rest.map((bundlePath) => ({ bundlePath, ...shared })) });
  const q = form.querySelector<HTMLInputElement>('[data-search-scope-q]');
  form.addEventListener('submit', () => {
    if (q) q.value = new URLSearchParams(window.location.search).get('q') ?? '';
  });
  // No submit on change: a new page on choosing an option would be a change of context the reader did
  // not ask for (WCAG 3.2.2); the "Search there" button applies the choice.
  form.querySelector<HTMLElement>('[data-search-scope-hint]')!.hidden = chosen.length > 0;
  form.hidden = false;
}

async function boot(): Promise<void> {
  const css = document.querySelector<HTMLElement>('[data-search-css]')?.dataset['searchCss'];
  const bundlePath = document.querySelector('pagefind-config')?.getAttribute('bundle-path') ?? '/pagefind/';
  // Fetched while the Component UI script defines its elements; the UI is shown once all are ready.
  const [manifest] = await Promise.all([fetchManifest(bundlePath), loadStylesheet(css), customElements.whenDefined('pagefind-results')]);
  // Set by pagefind-component-ui.js, a plain script outside the bundle.
  const components = (window as Window & { PagefindComponents?: PagefindComponentsGlobal }).PagefindComponents;
  if (!components) return;
  const instance = components.getInstanceManager().getInstance('default');
  // Before anything can start a search: the merged bundles are fixed when Pagefind loads.
  if (manifest && manifest.states.length > 0) setupScope(instance, manifest, bundlePath);

  for (const el of document.querySelectorAll<HTMLElement>('[data-search-needs-js]')) el.hidden = true;
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-ui]')) el.hidden = false;

  const filters = document.querySelector<HTMLElement>('[data-search-filters]');
  if (filters) setupFilters(instance, filters);
  syncAddressBar(instance);

  const query = new URLSearchParams(window.location.search).get('q')?.trim();
  if (query) instance.triggerSearch(query);
}

void boot();

export {};
