import { describe, expect, it } from 'vitest';
import { editUrl, isInSection, reportProblemUrl } from '../../src/layouts/frame-links.ts';
import { serializeJsonLd } from '../../src/layouts/json-ld.ts';
import { absoluteUrl, normalizeBase, readSiteConfig, withBase } from '../../src/site-config.ts';

describe('readSiteConfig', () => {
  it('falls back to the local preview address and root base when nothing is set', () => {
    expect(readSiteConfig({})).toEqual({
      title: 'Civic Policy Knowledge Base',
      siteUrl: 'http://localhost:4321',
      base: '/',
      repoUrl: undefined,
      repoBranch: 'main',
      contentDir: 'content',
    });
  });

  it('trims trailing slashes and treats blank values as unset', () => {
    const config = readSiteConfig({
      SITE_URL: 'https://example.org/',
      REPO_URL: 'https://github.com/example/civic-kb/',
      REPO_BRANCH: '  ',
      BASE_PATH: 'kb',
    });
    expect(config.siteUrl).toBe('https://example.org');
    expect(config.repoUrl).toBe('https://github.com/example/civic-kb');
    expect(config.repoBranch).toBe('main');
    expect(config.base).toBe('/kb/');
  });
});

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['kb', '/kb/'],
    ['/kb', '/kb/'],
    ['kb/', '/kb/'],
    ['//city/kb//', '/city/kb/'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeBase(input)).toBe(expected);
  });
});

describe('withBase / absoluteUrl', () => {
  it.each([
    ['/', '/', '/'],
    ['/places/', '/', '/places/'],
    ['/places/', '/kb/', '/kb/places/'],
    ['places/', '/kb/', '/kb/places/'],
  ])('withBase(%s, %s) → %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });

  it('joins origin, base and path for canonical links', () => {
    const config = readSiteConfig({ SITE_URL: 'https://example.org', BASE_PATH: '/kb/' });
    expect(absoluteUrl('/places/ofallon-mo/', config)).toBe('https://example.org/kb/places/ofallon-mo/');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the surrounding <script> element and still parses to the same data', () => {
    const data = { name: '</script><script>alert(1)</script>', note: 'a & b <!-- c -->', sep: '\u2028\u2029' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(/not JSON-serializable/);
  });
});

describe('frame links', () => {
  it.each([
    ['/places/', '/places/', true],
    ['/places/kansas-city-mo/', '/places/', true],
    ['/placesx/', '/places/', false],
    ['/', '/places/', false],
  ])('isInSection(%s, %s) → %s', (page, section, expected) => {
    expect(isInSection(page, section)).toBe(expected);
  });

  it('builds an edit link only when both the repository and the file are known', () => {
    const repo = 'https://github.com/example/civic-kb';
    expect(editUrl(repo, 'main', 'content/places/kansas-city-mo.md')).toBe(
      'https://github.com/example/civic-kb/edit/main/content/places/kansas-city-mo.md',
    );
    expect(editUrl(repo, 'main', '/content/faqs/ofallon-mo/trash pickup.md')).toBe(
      'https://github.com/example/civic-kb/edit/main/content/faqs/ofallon-mo/trash%20pickup.md',
    );
    expect(editUrl(undefined, 'main', 'content/x.md')).toBeUndefined();
    expect(editUrl(repo, 'main', undefined)).toBeUndefined();
  });

  it('prefills the issue with the page title and address', () => {
    const href = reportProblemUrl('https://github.com/example/civic-kb', 'Parking & permits', 'https://example.org/faq/?a=1');
    const url = new URL(href!);
    expect(url.origin + url.pathname).toBe('https://github.com/example/civic-kb/issues/new');
    expect(url.searchParams.get('title')).toBe('Problem on page: Parking & permits');
    expect(url.searchParams.get('body')).toContain('Page: https://example.org/faq/?a=1');
    expect(reportProblemUrl(undefined, 't', 'u')).toBeUndefined();
  });
});
