/**
 * public/_headers (Netlify / Cloudflare Pages) says the same as the CSP Astro
 * writes into every page, plus what only a header can do, and carries the
 * other security headers.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { repoRoot } from '../support/repo-root.ts';
import { parseCsp, parseHeadersFile } from './headers-file.ts';

/** The policy astro.config.mjs asks for, as directives (Astro adds hashes to script-src and style-src per page). */
function configuredCsp(): Map<string, string[]> {
  const csp = astroConfig.security?.csp;
  if (!csp || csp === true) throw new Error('astro.config.mjs has no security.csp object');
  const directives = parseCsp((csp.directives ?? []).join(';'));
  // Object entries target a narrower directive (script-src-elem…); _headers would need it too, so they show up as a mismatch.
  const asSource = (entry: string | { resource: string; kind: string }) => (typeof entry === 'string' ? entry : `${entry.kind}:${entry.resource}`);
  const scriptResources = (csp.scriptDirective?.resources ?? []).map(asSource);
  const styleResources = (csp.styleDirective?.resources ?? []).map(asSource);
  // Astro always writes 'self' first unless resources are given (see the built pages' meta tag).
  directives.set('script-src', scriptResources.length ? [...scriptResources] : ["'self'"]);
  directives.set('style-src', styleResources.length ? [...styleResources] : ["'self'"]);
  return directives;
}

describe('public/_headers', () => {
  const load = async () => parseHeadersFile(await readFile(path.join(repoRoot, 'public', '_headers'), 'utf8'));

  test('one rule for every path', async () => {
    const rules = await load();
    expect([...rules.keys()]).toEqual(['/*']);
  });

  test('its CSP has exactly the directives of astro.config.mjs, plus frame-ancestors', async () => {
    const header = parseCsp((await load()).get('/*')!.get('content-security-policy')!);
    const config = configuredCsp();
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...header.keys()].sort()).toEqual([...config.keys(), 'frame-ancestors'].sort());
    for (const [name, sources] of config) {
      if (name === 'script-src' || name === 'style-src') {
        // The one difference, explained in the file: a static header cannot know the per-build
        // hashes, so it leaves inline code to the page's meta policy (both policies apply).
        expect(header.get(name), name).toEqual([...sources, "'unsafe-inline'"]);
      } else {
        expect(header.get(name), name).toEqual(sources);
      }
    }
  });

  test('the CSP never allows eval, plugins, foreign scripts or foreign frames', async () => {
    const header = parseCsp((await load()).get('/*')!.get('content-security-policy')!);
    const all = [...header.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.filter((s) => /^https?:|^\*$|^data:$/.test(s) && s !== 'data:')).toEqual([]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('default-src')).toEqual(["'self'"]);
    // data: only for images (the inline favicon).
    expect([...header].filter(([, sources]) => sources.includes('data:')).map(([name]) => name)).toEqual(['img-src']);
  });

  test('it sets HSTS, nosniff, the referrer policy and the permissions policy', async () => {
    const headers = (await load()).get('/*')!;
    expect(headers.get('strict-transport-security')).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(headers.get('strict-transport-security')!)![1])).toBeGreaterThanOrEqual(31536000);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('permissions-policy')!.split(/,\s*/).sort()).toEqual(['camera=()', 'geolocation=()', 'interest-cohort=()', 'microphone=()']);
  });
});
