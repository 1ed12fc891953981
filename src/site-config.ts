/**
 * Site-wide settings, read from the environment once.
 *
 * Both astro.config.mjs and the pages import this file, so the URL the site
 * claims to live at (canonical links, feeds, Open Graph) and the base path its
 * links use cannot drift apart.
 *
 * Environment:
 * - SITE_URL     public origin of the deployed site (default http://localhost:4321,
 *                which is what `npm start` serves; set it for a real deployment)
 * - BASE_PATH    path the site is served under, e.g. /kb/ (default /)
 * - REPO_URL     https URL of the source repository; enables "Edit this page"
 *                and "Report a problem" links (default: unset, links hidden)
 * - REPO_BRANCH  branch the edit links point at (default main)
 * - KB_CONTENT_DIR  content folder the site is built from (default content)
 */

/** The settings every page and the Astro config share. */
export interface SiteConfig {
  title: string;
  /** Origin (and optional path) without a trailing slash, e.g. https://kb.example.gov */
  siteUrl: string;
  /** Always starts and ends with "/", e.g. "/" or "/kb/". */
  base: string;
  /** Repository https URL without a trailing slash, or undefined when not configured. */
  repoUrl: string | undefined;
  repoBranch: string;
  /** Content folder, as given (relative paths are relative to the project root). */
  contentDir: string;
}

type Env = Record<string, string | undefined>;

const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Turns "kb", "/kb", "kb/" and "/kb/" into "/kb/"; empty becomes "/". */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Builds the site settings from an environment map (pure, so it can be tested). */
export function readSiteConfig(env: Env): SiteConfig {
  const repoUrl = nonEmpty(env['REPO_URL']);
  return {
    title: 'Civic Policy Knowledge Base',
    siteUrl: stripTrailingSlash(nonEmpty(env['SITE_URL']) ?? DEFAULT_SITE_URL),
    base: normalizeBase(env['BASE_PATH']),
    repoUrl: repoUrl === undefined ? undefined : stripTrailingSlash(repoUrl),
    repoBranch: nonEmpty(env['REPO_BRANCH']) ?? 'main',
    contentDir: nonEmpty(env['KB_CONTENT_DIR']) ?? 'content',
  };
}

export const siteConfig: SiteConfig = readSiteConfig(process.env);

/**
 * A site-internal path with the base prepended: withBase('/places/') → '/kb/places/'.
 * Pages should take hrefs from the core's per-kind href functions and pass them through here.
 */
export function withBase(path: string, base: string = siteConfig.base): string {
  return base + path.replace(/^\/+/, '');
}

/** An absolute URL for a site-internal path, for canonical links, Open Graph and feeds. */
export function absoluteUrl(path: string, config: SiteConfig = siteConfig): string {
  return config.siteUrl + withBase(path, config.base);
}
