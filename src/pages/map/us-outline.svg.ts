/**
 * /map/us-outline.svg: the country and its state borders (26 KB of path data),
 * once, for every map page to draw with <use> — instead of inlined in each
 * page, which alone would take two-thirds of a page's 40 KB. Paths carry no
 * fill or stroke: they take the page's (the <use> element's) styles, so
 * dark mode and print follow the site's colours.
 */
import type { APIRoute } from 'astro';
import { usMap, usOutline } from '../../core/analysis/us-map.ts';

export const GET: APIRoute = () => {
  const { land, borders } = usOutline();
  const { viewBox } = usMap([]);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}"><path id="land" d="${land}"/><path id="borders" d="${borders}"/></svg>\n`;
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
