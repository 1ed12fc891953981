/**
 * /data.json: a DCAT-US 1.1 (Project Open Data) catalog of the site's
 * downloads, so data portals and harvesters (data.gov, CKAN) can list them.
 *
 * `modified` is the newest content date, not the build time: the catalog
 * changes when the data does. Fields we have no fact for are left out rather
 * than filled with placeholders — notably `contactPoint`, which DCAT-US wants
 * with an e-mail address the site configuration does not hold.
 */
import { latestChanges } from '../graph/latest.ts';
import type { KnowledgeBase } from '../graph/types.ts';
import { createHrefs } from '../urls.ts';
import type { AbsoluteUrl } from './json-ld.ts';

const paths = createHrefs('/');

export const DCAT_US_SCHEMA = 'https://project-open-data.cio.gov/v1.1/schema';

export interface DownloadInfo {
  title: string;
  description: string;
  keyword: string[];
}

/** What each known download holds. Downloads not listed here get a title from their file name. */
export const DOWNLOADS: Record<string, DownloadInfo> = {
  'policies.json': {
    title: 'Municipal open data policies',
    description: 'Every policy in the knowledge base: place, date, type, links to the original text, and the number of tagged passages per Sunlight guideline.',
    keyword: ['open data policy', 'ordinance', 'municipal policy'],
  },
  'passages.json': {
    title: 'Policy passages tagged by guideline',
    description: 'The index of the passage files, one per Sunlight Open Data Policy Guideline (api/passages/<code>.json): each holds the full text of every policy passage tagged with that guideline, with its policy, place and anchor.',
    keyword: ['open data policy', 'Sunlight guidelines', 'policy text'],
  },
  'faqs.json': {
    title: 'Resident guides (FAQs)',
    description: 'Plain-language guides for residents: place, topic, dates of review, offices named, policies explained and numbered sources.',
    keyword: ['FAQ', 'public records', 'resident guide'],
  },
  'places.json': {
    title: 'Places',
    description: 'Cities, counties, states and agencies in the knowledge base, with their policies, guides, offices and passages per guideline.',
    keyword: ['local government', 'places'],
  },
  'contacts.json': {
    title: 'Government offices and contact channels',
    description: 'Offices residents can reach, with only the channels a source gave, and the guides and policies that name them.',
    keyword: ['contacts', 'government offices'],
  },
  'guidelines.json': {
    title: 'Sunlight Open Data Policy Guidelines',
    description: 'The 31 guidelines with their categories and how many policies, places and passages address each.',
    keyword: ['Sunlight guidelines', 'open data policy'],
  },
  'matrix.json': {
    title: 'Place × guideline matrix',
    description: 'Tagged passages per place and guideline.',
    keyword: ['open data policy', 'Sunlight guidelines', 'comparison'],
  },
};

const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv',
  geojson: 'application/geo+json',
  xml: 'application/xml',
};

export interface CatalogOptions {
  /** File names under /api/ that the site builds, e.g. ["faqs.json", "matrix.json"]. */
  downloads: readonly string[];
  absoluteUrl: AbsoluteUrl;
  /** Publisher name (the site's title). */
  publisher: string;
  /** License URL of the data, when the repository states one; omitted otherwise. */
  license?: string | undefined;
}

/** Newest content date in the graph (FAQ review or policy adoption), or undefined for an undated graph. */
export function newestContentDate(kb: KnowledgeBase): string | undefined {
  return latestChanges(kb, 1)[0]?.date;
}

function titleFromFile(file: string): string {
  const stem = file.replace(/\.[a-z]+$/, '').replace(/[-_]+/g, ' ');
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

/** The DCAT-US 1.1 catalog object; downloads in the order given (sorted by the caller). */
export function dataCatalog(kb: KnowledgeBase, options: CatalogOptions): Record<string, unknown> {
  const modified = newestContentDate(kb);
  const publisher = { '@type': 'org:Organization', name: options.publisher };
  const landingPage = options.absoluteUrl(paths.home());
  const dataset = options.downloads.map((file) => {
    const info = DOWNLOADS[file];
    const extension = file.split('.').pop() ?? '';
    const downloadURL = options.absoluteUrl(paths.api(file));
    const entry: Record<string, unknown> = {
      '@type': 'dcat:Dataset',
      title: info?.title ?? titleFromFile(file),
      description: info?.description ?? `Download ${file} from ${options.publisher}.`,
      keyword: info?.keyword ?? [extension],
    };
    if (modified) entry['modified'] = modified;
    entry['publisher'] = publisher;
    entry['identifier'] = downloadURL;
    entry['accessLevel'] = 'public';
    if (options.license) entry['license'] = options.license;
    entry['landingPage'] = landingPage;
    entry['distribution'] = [
      {
        '@type': 'dcat:Distribution',
        downloadURL,
        mediaType: MEDIA_TYPES[extension] ?? 'application/octet-stream',
        format: extension.toUpperCase(),
        title: file,
      },
    ];
    return entry;
  });
  return {
    '@context': `${DCAT_US_SCHEMA}/catalog.jsonld`,
    '@id': options.absoluteUrl('/data.json'),
    '@type': 'dcat:Catalog',
    conformsTo: DCAT_US_SCHEMA,
    describedBy: `${DCAT_US_SCHEMA}/catalog.json`,
    dataset,
  };
}
