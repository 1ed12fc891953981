/**
 * URLs the frame builds around a page: section nav, "Edit this page", "Report a problem".
 * Pure functions of their inputs so they can be tested without Astro.
 */

/** One primary navigation entry; href is a site path without the base. */
export interface NavItem {
  label: string;
  href: string;
}

export const PRIMARY_NAV: readonly NavItem[] = [
  { label: 'Guidelines', href: '/guidelines/' },
  { label: 'Places', href: '/places/' },
  { label: 'Compare', href: '/compare/' },
  { label: 'Contacts', href: '/contacts/' },
  { label: 'Search', href: '/search/' },
];

/** True when `pagePath` is the section page or lies beneath it (both without base). */
export function isInSection(pagePath: string, sectionHref: string): boolean {
  return pagePath === sectionHref || pagePath.startsWith(sectionHref);
}

/**
 * Link to the web editor for a file, e.g. https://github.com/o/r/edit/main/content/places/x.md.
 * Undefined when the repository or the file is unknown, so the link is left out rather than broken.
 */
export function editUrl(
  repoUrl: string | undefined,
  branch: string,
  editPath: string | undefined,
): string | undefined {
  if (!repoUrl || !editPath) return undefined;
  const cleanPath = editPath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  return `${repoUrl}/edit/${encodeURIComponent(branch)}/${cleanPath}`;
}

/** Link to a new issue prefilled with the page's title and address. */
export function reportProblemUrl(
  repoUrl: string | undefined,
  pageTitle: string,
  pageUrl: string,
): string | undefined {
  if (!repoUrl) return undefined;
  const params = new URLSearchParams({
    title: `Problem on page: ${pageTitle}`,
    body: `Page: ${pageUrl}\n\nWhat is wrong or missing?\n\n`,
  });
  return `${repoUrl}/issues/new?${params.toString()}`;
}
