/**
 * The benchmark's synthetic corpus: N documents (places ≈ N/10, policies ≈ 40 %,
 * FAQs the rest) plus 2–3 contacts per place, as content files in the project's
 * layout. Pure and deterministic: the same options give the same files, and each
 * document draws from its own seeded stream, so files can be produced one at a
 * time (a generator) without holding a 100k corpus in memory.
 *
 * Names are plainly synthetic ("Testville 0123"), URLs use the reserved
 * example.org domain, phone numbers the fictional 555-01xx range; all prose is
 * generated (src/bench/synthetic-text.ts), none copied from real documents.
 */
import { toContentFile } from '../core/write/serialize.ts';
import { createRng, seedOf, type Rng } from './prng.ts';
import {
  policyParagraph, policySentence, residentQuestion, residentSentence, SECTION_HEADINGS, SUBSECTION_HEADINGS,
} from './synthetic-text.ts';

export interface CorpusOptions {
  /** Documents to generate: places + policies + FAQs (contacts come on top, 2–3 per place). */
  docs: number;
  /** The guideline codes spans may use (the project's 31). */
  guidelineCodes: readonly string[];
  seed?: number | undefined;
}

export interface CorpusFile {
  /** Path relative to the content root, e.g. "policies/testville-0001-mo-2012-04-09.md". */
  relative: string;
  text: string;
}

export interface CorpusPlan {
  places: number;
  policies: number;
  faqs: number;
  /** Known only after generation: 2–3 per place. */
  contactsPerPlace: readonly [2, 3];
}

export const DEFAULT_SEED = 20260401;

/** How N splits into kinds. */
export function planCorpus(docs: number): CorpusPlan {
  if (!Number.isInteger(docs) || docs < 3) throw new Error(`--docs must be an integer ≥ 3, got ${docs}`);
  const places = Math.max(1, Math.round(docs / 10));
  const policies = Math.max(1, Math.round(docs * 0.4));
  return { places, policies, faqs: docs - places - policies, contactsPerPlace: [2, 3] };
}

const NAME_STEMS = ['Testville', 'Sampleton', 'Mockford', 'Benchport', 'Fixture Falls', 'Synthburg', 'Dummy Springs', 'Placeholder Heights'] as const;

/**
 * Approximate interiors of states at least ~3° across, so a ±0.5° jitter stays
 * inside the state (and so inside the US).
 */
const STATE_CENTRES: readonly [string, number, number][] = [
  ['MO', 38.4, -92.5], ['KS', 38.5, -98.4], ['TX', 31.4, -99.3], ['CA', 37.0, -119.6], ['NY', 42.8, -75.6], ['PA', 40.9, -77.7],
  ['OH', 40.3, -82.8], ['IL', 40.0, -89.2], ['IN', 39.9, -86.3], ['IA', 42.0, -93.5], ['NE', 41.5, -99.8], ['CO', 39.0, -105.5],
  ['UT', 39.3, -111.7], ['NV', 39.3, -116.6], ['AZ', 34.3, -111.7], ['NM', 34.4, -106.1], ['OK', 35.5, -97.5], ['AR', 34.9, -92.4],
  ['TN', 35.8, -86.4], ['KY', 37.5, -85.3], ['GA', 32.7, -83.4], ['AL', 32.8, -86.8], ['MS', 32.7, -89.7], ['WA', 47.3, -120.5],
  ['OR', 43.9, -120.6], ['ID', 44.2, -114.6], ['MT', 47.0, -109.6], ['WY', 43.0, -107.5], ['ND', 47.4, -100.5], ['SD', 44.4, -100.2],
  ['MN', 46.0, -94.3], ['WI', 44.6, -89.9], ['MI', 43.3, -84.6], ['NC', 35.6, -79.4], ['VA', 37.5, -78.7], ['SC', 33.9, -80.9],
];

const CONTACT_OFFICES = [
  { slug: 'city-clerk', name: 'City Clerk', role: 'clerk', handles: ['Public records requests', 'Council minutes and agendas'] },
  { slug: 'city-attorney', name: 'City Attorney', role: 'attorney', handles: ['Appeals of records decisions', 'Enforcement of city ordinances'] },
  { slug: 'information-technology', name: 'Information Technology Department', role: 'information-technology', handles: ['The open data portal', 'Dataset corrections'] },
] as const;

const FAQ_TOPICS = [
  ['records', 'Public records'], ['open-data', 'Open data portal'], ['privacy', 'Data privacy'], ['records-appeals', 'Records appeals'],
  ['data-requests', 'Dataset requests'], ['council-records', 'Council records'], ['code-enforcement', 'Code enforcement data'],
  ['surveillance', 'Surveillance technology'], ['permits-data', 'Permit data'], ['budget-data', 'Budget and spending data'],
] as const;
const FAQ_CATEGORIES = ['Technology and Data', 'Government and Records', 'Public Safety', 'Budget and Finance'] as const;
const LEGAL_FORMS = ['Executive Order', 'Ordinance', 'Administrative Policy', 'Resolution', 'Council Policy'] as const;
const SUNLIGHT_VALUES = [true, false, 'wwc', 'wizard', 'nonwwc', 'prewwc', 'didnt'] as const;
const SOURCE_KINDS = ['municipal-code', 'city-page', 'portal', 'statute', 'form', 'news', 'other'] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month, 2)}-${pad(day, 2)}`;
const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface PlaceInfo {
  index: number;
  slug: string;
  name: string;
  state: string;
  contacts: string[];
}

/** Everything about place i that other documents refer to; a pure function of (seed, i). */
function placeInfo(seed: number, index: number): PlaceInfo {
  const rng = createRng(seedOf(`${seed}:place:${index}`));
  const [state] = rng.pick(STATE_CENTRES);
  const name = `${rng.pick(NAME_STEMS)} ${pad(index, 4)}`;
  const slug = `${slugify(name)}-${state.toLowerCase()}`;
  const officeCount = rng.chance(0.5) ? 3 : 2;
  return { index, slug, name, state, contacts: CONTACT_OFFICES.slice(0, officeCount).map((o) => `${slug}/${o.slug}`) };
}

/** Date of a place's j-th policy: years apart, so ids (place + date) never collide. */
function policyDate(seed: number, placeSlug: string, j: number): { year: number; date: string } {
  const rng = createRng(seedOf(`${seed}:policy-date:${placeSlug}:${j}`));
  const year = Math.min(2099, 2008 + 3 * j + rng.int(0, 2));
  return { year, date: isoDate(year, rng.int(1, 12), rng.int(1, 28)) };
}

/** Number of policies place p gets when policy i goes to place i % places. */
function policiesOfPlace(plan: CorpusPlan, p: number): number {
  return p < plan.policies ? Math.floor((plan.policies - 1 - p) / plan.places) + 1 : 0;
}

function policyId(seed: number, place: PlaceInfo, j: number): string {
  return `${place.slug}-${policyDate(seed, place.slug, j).date}`;
}

// ---------------------------------------------------------------- spans

const spanOpen = (codes: readonly string[]) => `<span class="${codes.map((c) => `g-${c}`).join(' ')}">`;

/** Wraps text in a guideline span of one of the shapes real policies use. */
function tagged(rng: Rng, codes: readonly string[], text: string): string {
  const shape = rng.int(0, 9);
  const [a, b, c] = rng.sample(codes, 3);
  if (shape <= 4) return `${spanOpen([a!])}${text}</span>`;
  if (shape <= 6) return `${spanOpen([a!])}${spanOpen([b!])}${text}</span></span>`;
  if (shape === 7) return `${spanOpen([a!])}${spanOpen([b!])}${spanOpen([c!])}${text}</span></span></span>`;
  if (shape === 8) return `${spanOpen([a!, b!])}${text}</span>`;
  // Partial nesting: an inner span around the last sentence only.
  const cut = text.lastIndexOf('. ');
  if (cut < 0) return `${spanOpen([a!])}${text}</span>`;
  return `${spanOpen([a!])}${text.slice(0, cut + 2)}${spanOpen([b!])}${text.slice(cut + 2)}</span></span>`;
}

/** A paragraph, some of whose sentences are tagged. */
function taggedParagraph(rng: Rng, codes: readonly string[]): string {
  const sentences = Array.from({ length: rng.int(2, 5) }, () => policySentence(rng));
  if (rng.chance(0.35)) return tagged(rng, codes, sentences.join(' '));
  return sentences.map((s) => (rng.chance(0.3) ? tagged(rng, codes, s) : s)).join(' ');
}

// ---------------------------------------------------------------- policies

function policyBlocks(rng: Rng, codes: readonly string[], html: boolean): string[] {
  const target = Math.round(2048 * Math.pow(10, rng.next())); // 2–20 KB, log-uniform
  const blocks: string[] = [];
  let size = 0;
  const push = (block: string) => {
    blocks.push(block);
    size += block.length + 2;
  };
  push(html ? `<p>${rng.pick(['OPEN DATA POLICY', 'OPEN DATA INITIATIVE', 'DATA TRANSPARENCY DIRECTIVE'])}</p>` : rng.pick(['OPEN DATA POLICY', 'OPEN DATA INITIATIVE', 'DATA TRANSPARENCY DIRECTIVE']));
  const headings = rng.sample(SECTION_HEADINGS, SECTION_HEADINGS.length);
  let section = 0;
  while (size < target) {
    const heading = headings[section % headings.length]!;
    section += 1;
    push(html ? `<h2>${heading}</h2>` : `## ${section}. ${heading}`);
    const blocksInSection = rng.int(2, 5);
    for (let k = 0; k < blocksInSection && size < target; k++) {
      const kind = rng.int(0, 9);
      if (kind <= 4) {
        const paragraph = taggedParagraph(rng, codes);
        push(html ? `<p>${paragraph}</p>` : paragraph);
      } else if (kind <= 6) {
        // A passage that runs across paragraphs (the renderer splits it at block boundaries).
        const [code] = rng.sample(codes, 1);
        const first = policyParagraph(rng, 1, 3);
        const second = policyParagraph(rng, 1, 3);
        if (html) push(`<p>${spanOpen([code!])}${first}</p>\n\n<p>${second}</span></p>`);
        else push(`${spanOpen([code!])}${first}\n\n${rng.chance(0.4) ? taggedParagraph(rng, codes) : second}</span>`);
      } else if (kind <= 8) {
        const items = Array.from({ length: rng.int(2, 6) }, () => (rng.chance(0.4) ? tagged(rng, codes, policySentence(rng)) : policySentence(rng)));
        const ordered = rng.chance(0.4);
        if (html) push(`<${ordered ? 'ol' : 'ul'}>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</${ordered ? 'ol' : 'ul'}>`);
        else push(items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item}`).join('\n'));
      } else {
        const sub = rng.pick(SUBSECTION_HEADINGS);
        push(html ? `<h3>${sub}</h3>` : `### ${sub}`);
        push(html ? `<p>${policyParagraph(rng)}</p>` : policyParagraph(rng));
      }
    }
  }
  return blocks;
}

/** Words an amendment puts in place of others (a stricter duty, a new deadline, another office). */
const AMENDED_WORDS = ['must', 'shall', 'may', 'promptly', 'annually', 'quarterly', 'publicly', 'department', 'agency', 'office', 'registry', 'inventory', 'datasets', 'information'] as const;
const HEADING_BLOCK = /^(?:#|<h\d)/;

/** One to three words of a block's text changed; its tags (and so its spans) untouched. */
function amendWords(rng: Rng, block: string): string {
  const parts = block.split(/(<[^>]*>)/);
  for (let n = rng.int(1, 3); n > 0; n--) {
    const texts = parts.map((part, k) => (k % 2 === 0 && /[a-z]{4,}/.test(part) ? k : -1)).filter((k) => k >= 0);
    if (!texts.length) break;
    const k = rng.pick(texts);
    const words = [...parts[k]!.matchAll(/\b[a-z]{4,}\b/g)];
    const word = rng.pick(words);
    parts[k] = parts[k]!.slice(0, word.index) + rng.pick(AMENDED_WORDS) + parts[k]!.slice(word.index + word[0].length);
  }
  return parts.join('');
}

/**
 * The next version of a policy as an amendment of the previous one: most
 * blocks kept as they were, some with a word or two changed, a few dropped, a
 * few new ones inserted and appended. Blocks are whole (a span that crosses
 * paragraphs is one block), so dropping or inserting keeps every span balanced.
 */
function amendBlocks(rng: Rng, previous: readonly string[], codes: readonly string[], html: boolean): string[] {
  const fresh = () => {
    const paragraph = rng.chance(0.5) ? taggedParagraph(rng, codes) : policyParagraph(rng);
    return html ? `<p>${paragraph}</p>` : paragraph;
  };
  const out: string[] = [];
  previous.forEach((block, k) => {
    if (k === 0 || HEADING_BLOCK.test(block)) out.push(block);
    else if (rng.chance(0.06)) return;
    else out.push(rng.chance(0.2) ? amendWords(rng, block) : block);
    if (rng.chance(0.06)) out.push(fresh());
  });
  for (let n = rng.int(0, 2); n > 0; n--) out.push(fresh());
  // Never under the 2 KB every policy has.
  while (out.join('\n\n').length < 2048) out.push(fresh());
  return out;
}

/** Share of later versions that amend the one before; the others are rewritten from scratch (as the Sunlight sample's two are). */
const AMENDMENT_SHARE = 0.75;

/**
 * A policy's file and its body's blocks. A later version of a place's policy
 * (j > 0) usually amends the previous version, which is generated again here
 * from its own seed (a place has a handful of versions, so this stays cheap).
 */
function policyParts(seed: number, plan: CorpusPlan, codes: readonly string[], i: number): { file: CorpusFile; blocks: string[]; html: boolean } {
  const place = placeInfo(seed, i % plan.places);
  const j = Math.floor(i / plan.places);
  const rng = createRng(seedOf(`${seed}:policy:${i}`));
  const { year, date } = policyDate(seed, place.slug, j);
  const id = `${place.slug}-${date}`;
  const legal = rng.pick(LEGAL_FORMS);
  const data = {
    title: `${place.name} ${legal} on Open Data (${year})`,
    place: place.slug,
    year,
    date: rng.chance(0.9) ? date : undefined,
    legal_custom: legal,
    sunlight: rng.pick(SUNLIGHT_VALUES),
    policy_url: rng.chance(0.8) ? `https://example.org/${place.slug}/policies/${date}.pdf` : undefined,
    policy_urls: undefined as Record<string, string> | undefined,
    press_url: rng.chance(0.2) ? `https://example.org/${place.slug}/news/${date}` : undefined,
    note: rng.chance(0.15) ? 'Synthetic benchmark document.' : undefined,
    replaces: j > 0 ? policyId(seed, place, j - 1) : undefined,
    contacts: rng.chance(0.5) ? [place.contacts[0]!] : undefined,
  };
  if (!data.policy_url) data.policy_urls = { 'Adopted text': `https://example.org/${place.slug}/policies/${date}/adopted.pdf`, Amendment: `https://example.org/${place.slug}/policies/${date}/amendment.pdf` };
  // Where only the year is known, the id still carries the planned date: ids are file names, not facts.
  let html = rng.chance(0.3);
  let blocks: string[];
  if (j > 0 && rng.chance(AMENDMENT_SHARE)) {
    const previous = policyParts(seed, plan, codes, i - plan.places);
    html = previous.html;
    blocks = amendBlocks(rng, previous.blocks, codes, html);
  } else blocks = policyBlocks(rng, codes, html);
  return { file: { relative: `policies/${id}.md`, text: toContentFile(data, blocks.join('\n\n')) }, blocks, html };
}

function policyFile(seed: number, plan: CorpusPlan, codes: readonly string[], i: number): CorpusFile {
  return policyParts(seed, plan, codes, i).file;
}

// ---------------------------------------------------------------- FAQs

function faqFile(seed: number, plan: CorpusPlan, codes: readonly string[], i: number): CorpusFile {
  const place = placeInfo(seed, i % plan.places);
  const round = Math.floor(i / plan.places);
  const [topicBase, topicLabel] = FAQ_TOPICS[round % FAQ_TOPICS.length]!;
  const cycle = Math.floor(round / FAQ_TOPICS.length);
  const topic = cycle ? `${topicBase}-${cycle + 1}` : topicBase;
  const rng = createRng(seedOf(`${seed}:faq:${i}`));
  const sourceCount = rng.int(2, 5);
  const sources = Array.from({ length: sourceCount }, (_, k) => ({
    n: k + 1,
    title: `${place.name} ${rng.pick(['Municipal Code, Chapter', 'Records Request Page, part', 'Open Data Portal, section', 'State Public Records Act, section', 'Fee Schedule, page'])} ${k + 1}`,
    kind: rng.pick(SOURCE_KINDS),
    // Some sources were named without a link: the URL stays absent.
    url: rng.chance(0.7) ? `https://example.org/${place.slug}/${topic}/source-${k + 1}` : undefined,
    accessed: rng.chance(0.5) ? isoDate(2026, rng.int(1, 9), rng.int(1, 28)) : undefined,
  }));
  const cite = () => [rng.int(1, sourceCount)];
  const facet = () =>
    rng.chance(0.6)
      ? { status: 'stated', text: rng.pick(['Up to $500 per violation', 'A written warning comes first, then a citation', 'Access can be suspended', 'Complaints go to the City Clerk', 'Appeals go to the City Attorney within 30 days', 'Requests are answered within 3 business days']) + ` [${cite()[0]}].`, sources: cite() }
      : { status: 'not-specified', text: 'Not specified on the cited page.', sources: cite() };
  const enforcerIds = rng.sample(place.contacts, rng.int(1, Math.min(2, place.contacts.length)));
  const placePolicies = Array.from({ length: policiesOfPlace(plan, place.index) }, (_, j) => policyId(seed, place, j));
  const lastReviewed = isoDate(2025, 12, rng.int(1, 28));
  const reviewedLater = rng.chance(0.7) ? isoDate(2026, rng.int(1, 10), rng.int(1, 28)) : lastReviewed;
  const data = {
    title: `${place.name} ${topicLabel}${cycle ? ` (part ${cycle + 1})` : ''} FAQ`,
    place: place.slug,
    topic,
    category: rng.pick(FAQ_CATEGORIES),
    published: rng.chance(0.6) ? isoDate(2025, rng.int(1, 11), rng.int(1, 28)) : undefined,
    last_reviewed: reviewedLater,
    reading_minutes: rng.chance(0.7) ? rng.int(2, 9) : undefined,
    summary: residentSentence(rng, [1]),
    enforcement: {
      enforcers: enforcerIds.map((contact) => ({ contact, role: rng.pick(['Handles records requests', 'Decides appeals', 'Maintains the portal']), sources: cite() })),
      enforcers_text: rng.chance(0.7) ? `Enforcement involves ${enforcerIds.length} city office${enforcerIds.length > 1 ? 's' : ''} [1].` : undefined,
      enforcers_sources: [1],
      fines: facet(), escalation: facet(), sanctions: facet(), complaints: facet(), appeals: facet(), timelines: facet(),
    },
    forms: Array.from({ length: rng.int(0, 3) }, (_, k) => ({
      name: `${rng.pick(['Records Request', 'Dataset Suggestion', 'Appeal', 'Complaint'])} Form ${k + 1}`,
      description: rng.chance(0.6) ? residentSentence(rng) : undefined,
      url: rng.chance(0.6) ? `https://example.org/${place.slug}/${topic}/form-${k + 1}` : undefined,
      sources: cite(),
    })),
    questions: Array.from({ length: rng.int(2, 6) }, () => ({ q: residentQuestion(rng), a: `${residentSentence(rng, cite())} ${residentSentence(rng)}`, sources: cite() })),
    howto: Array.from({ length: rng.int(0, 5) }, () => residentSentence(rng)),
    takeaways: Array.from({ length: rng.int(1, 4) }, () => residentSentence(rng)),
    sources,
    policies: rng.sample(placePolicies, rng.int(0, 2)),
  };
  const body: string[] = ['## Overview', `${residentSentence(rng)} ${sources.map((s) => residentSentence(rng, [s.n])).join(' ')}`];
  const sections = rng.int(1, 4);
  for (let k = 0; k < sections; k++) {
    body.push(`## ${rng.pick(['How to ask', 'What the rules say', 'Fees and timelines', 'Appeals', 'Where to find data', 'Privacy'])}`);
    body.push(Array.from({ length: rng.int(2, 5) }, () => residentSentence(rng, rng.chance(0.5) ? cite() : [])).join(' '));
    if (rng.chance(0.5)) body.push(Array.from({ length: rng.int(2, 5) }, () => `- ${residentSentence(rng, rng.chance(0.4) ? cite() : [])}`).join('\n'));
    if (rng.chance(0.25)) body.push(tagged(rng, codes, residentSentence(rng)));
  }
  return { relative: `faqs/${place.slug}/${topic}.md`, text: toContentFile(data, body.join('\n\n')) };
}

// ---------------------------------------------------------------- places and contacts

function placeFiles(seed: number, index: number): CorpusFile[] {
  const place = placeInfo(seed, index);
  const rng = createRng(seedOf(`${seed}:place-detail:${index}`));
  const [, lat, lon] = STATE_CENTRES.find(([code]) => code === place.state)!;
  const data = {
    name: place.name,
    kind: rng.chance(0.85) ? 'city' : 'county',
    state: place.state,
    coordinates: { lat: Math.round((lat + (rng.next() - 0.5)) * 1e4) / 1e4, lon: Math.round((lon + (rng.next() - 0.5)) * 1e4) / 1e4 },
    wwc: rng.chance(0.2) ? true : undefined,
    portal_url: rng.chance(0.6) ? `https://example.org/${place.slug}/data` : undefined,
    municipal_code_url: rng.chance(0.5) ? `https://example.org/${place.slug}/code` : undefined,
    records_request_url: rng.chance(0.5) ? `https://example.org/${place.slug}/records` : undefined,
  };
  const files: CorpusFile[] = [{ relative: `places/${place.slug}.md`, text: toContentFile(data, rng.chance(0.3) ? policyParagraph(rng, 1, 2) : '') }];
  place.contacts.forEach((id, k) => {
    const office = CONTACT_OFFICES[k]!;
    const channels = {
      url: rng.chance(0.8) ? `https://example.org/${place.slug}/${office.slug}` : undefined,
      email: rng.chance(0.5) ? `${office.slug}@example.org` : undefined,
      phone: rng.chance(0.6) ? `555-01${pad(rng.int(0, 99), 2)}` : undefined,
      hours: rng.chance(0.4) ? 'Monday to Friday, 8 a.m. to 5 p.m.' : undefined,
    };
    files.push({
      relative: `contacts/${id}.md`,
      text: toContentFile({ name: office.name, role: office.role, place: place.slug, channels, handles: [...office.handles] }),
    });
  });
  return files;
}

/**
 * The corpus, one file at a time: places with their contacts first, then
 * policies, then FAQs. Guidelines are not generated: copy the project's own.
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const seed = options.seed ?? DEFAULT_SEED;
  const plan = planCorpus(options.docs);
  const codes = [...options.guidelineCodes].sort();
  if (codes.length < 3) throw new Error('the corpus needs at least 3 guideline codes');
  for (let i = 0; i < plan.places; i++) yield* placeFiles(seed, i);
  for (let i = 0; i < plan.policies; i++) yield policyFile(seed, plan, codes, i);
  for (let i = 0; i < plan.faqs; i++) yield faqFile(seed, plan, codes, i);
}
