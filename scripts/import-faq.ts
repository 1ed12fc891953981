/**
 * npm run import:faq -- <file.txt…> [--out DIR] [--dry-run] [--force] [--today YYYY-MM-DD]
 *
 * Imports plain-text FAQ articles into content/: faqs/<place>/<topic>.md, and
 * places/<slug>.md and contacts/<place>/<office>.md only where they are absent
 * (an existing place or office is linked, never rewritten). Refuses to
 * overwrite an FAQ unless --force. Prints, per file, what was repaired and
 * what the article is missing. The parsing is src/core/importers/faq-text.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../src/core/diagnostics/diagnostic.ts';
import { formatText } from '../src/core/diagnostics/format.ts';
import { importFaqArticle, type KnownContact, type KnownPlace } from '../src/core/importers/faq-text/index.ts';
import { parseFrontmatter } from '../src/core/load/frontmatter.ts';
import { isoDate } from '../src/core/schema/common.ts';
import { toContentFile } from '../src/core/write/serialize.ts';

const USAGE = 'usage: npm run import:faq -- <file.txt…> [--out DIR] [--dry-run] [--force] [--today YYYY-MM-DD]';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      today: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const today = values.today ?? localToday();
  if (!isoDate.safeParse(today).success) {
    console.error(`--today: "${today}" is not a date written YYYY-MM-DD\n${USAGE}`);
    return 2;
  }
  const outDir = values.out;
  const dryRun = values['dry-run'];
  const knownPlaces = readKnownPlaces(outDir);
  const knownContacts = readKnownContacts(outDir);
  let failed = false;

  for (const input of positionals) {
    console.log(`\n${input}`);
    if (!existsSync(input)) {
      console.error(`  error: no such file`);
      failed = true;
      continue;
    }
    const result = importFaqArticle(readFileSync(input, 'utf8'), input, { today, knownPlaces, knownContacts });
    printDiagnostics(result.diagnostics);
    const { place, faq } = result;
    if (!place || !faq || result.diagnostics.some((d) => d.severity === 'error')) {
      failed = true;
      continue;
    }

    const faqFile = path.join(outDir, 'faqs', place.slug, `${faq.data.topic}.md`);
    if (existsSync(faqFile) && !values.force) {
      console.error(`  error: ${faqFile} exists; pass --force to overwrite it`);
      failed = true;
      continue;
    }
    write(faqFile, toContentFile(faq.data, faq.body), dryRun, existsSync(faqFile) ? 'overwrote' : 'wrote');

    const placeFile = path.join(outDir, 'places', `${place.slug}.md`);
    if (knownPlaces.some((p) => p.slug === place.slug) || existsSync(placeFile)) {
      console.log(`  kept   ${placeFile} (place exists)`);
    } else {
      write(placeFile, toContentFile({ name: place.name, kind: place.kind, state: place.state }), dryRun, 'wrote');
      knownPlaces.push({ slug: place.slug, name: place.name, state: place.state });
    }

    for (const office of result.offices) {
      const id = `${place.slug}/${office.slug}`;
      const contactFile = path.join(outDir, 'contacts', place.slug, `${office.slug}.md`);
      if (knownContacts.some((c) => c.id === id) || existsSync(contactFile)) {
        console.log(`  kept   ${contactFile} (contact exists)`);
        continue;
      }
      const contact = { name: office.name, role: office.role, place: place.slug, handles: office.handles.length ? office.handles : undefined };
      write(contactFile, toContentFile(contact), dryRun, 'wrote');
      knownContacts.push({ id, name: office.name });
    }

    for (const line of result.report.repaired) console.log(`  repaired: ${line}`);
    for (const line of result.report.missing) console.log(`  missing:  ${line}`);
  }
  if (dryRun) console.log('\n(dry run: nothing written)');
  return failed ? 1 : 0;
}

function write(file: string, content: string, dryRun: boolean, verb: string): void {
  console.log(`  ${dryRun ? 'would write' : verb.padEnd(6)} ${file}`);
  if (dryRun) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) console.log(formatText(d).replace(/^/gm, '  '));
}

/** Places already in content/places, so an article about one links to it. */
function readKnownPlaces(outDir: string): KnownPlace[] {
  const dir = path.join(outDir, 'places');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => {
      const { data } = parseFrontmatter(path.join(dir, f), readFileSync(path.join(dir, f), 'utf8'));
      return typeof data.name === 'string' && typeof data.state === 'string'
        ? [{ slug: f.replace(/\.md$/, ''), name: data.name, state: data.state }]
        : [];
    });
}

/** Offices already in content/contacts/<place>/, by id "place/office". */
function readKnownContacts(outDir: string): KnownContact[] {
  const dir = path.join(outDir, 'contacts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((placeDir) =>
      readdirSync(path.join(dir, placeDir.name))
        .filter((f) => f.endsWith('.md'))
        .flatMap((f) => {
          const file = path.join(dir, placeDir.name, f);
          const { data } = parseFrontmatter(file, readFileSync(file, 'utf8'));
          return typeof data.name === 'string' ? [{ id: `${placeDir.name}/${f.replace(/\.md$/, '')}`, name: data.name }] : [];
        }),
    );
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

process.exitCode = main();
