/**
 * npm run import:sunlight -- <hub dir> [--out DIR] [--dry-run] [--json]
 * npm run import:sunlight -- --policy-file FILE [--id ID] [--title TITLE] [--out DIR] [hub dir]
 *
 * Imports a Sunlight Open Data Policy Hub checkout (its _policies, _places and
 * _guidelines folders) into a content folder (default: content), or a single
 * Hub-format policy file. Prints what was read, written, merged, repaired and
 * refused, and the passages found per guideline. Exit 1 when a file was refused.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatImportReport } from '../src/core/importers/sunlight/report.ts';
import { planHubImport } from '../src/core/importers/sunlight/import-hub.ts';
import { readExisting, readHub, readMarkdownFolder, readPolicyFile, sameFolder, writePlan } from '../src/core/importers/sunlight/import-hub-fs.ts';
import { parseFrontmatter } from '../src/core/load/frontmatter.ts';
import type { Diagnostic } from '../src/core/diagnostics/diagnostic.ts';
import type { HubSource } from '../src/core/importers/sunlight/source-file.ts';

const USAGE = `usage: npm run import:sunlight -- <hub dir> [--out DIR] [--dry-run] [--json]
       npm run import:sunlight -- --policy-file FILE [--id ID] [--title TITLE] [--out DIR] [hub dir]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'policy-file': { type: 'string' },
    id: { type: 'string' },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const hubDir = positionals[0];
const policyFile = values['policy-file'];
if ((!hubDir && !policyFile) || positionals.length > 1 || ((values.id || values.title) && !policyFile)) {
  console.error(USAGE);
  process.exit(2);
}

const projectContent = path.resolve(import.meta.dirname, '..', 'content');
const outDir = path.resolve(values.out);
const unreadable: Diagnostic[] = [];

let hub: HubSource = { policies: [], places: [], guidelines: [] };
if (hubDir) {
  const read = await readHub(hubDir);
  hub = read.hub;
  unreadable.push(...read.diagnostics);
}
if (policyFile) {
  const read = await readPolicyFile(policyFile);
  unreadable.push(...read.diagnostics);
  // One policy: of the Hub, only its place is imported with it.
  const place = read.source ? parseFrontmatter(read.source.file, read.source.text).data.place : undefined;
  hub = { ...hub, policies: read.source ? [read.source] : [], places: hub.places.filter((p) => p.name === `${String(place)}.md`) };
}

const projectGuidelines = (await readMarkdownFolder(path.join(projectContent, 'guidelines'))).files;
const { existing, hasGuidelines } = await readExisting(outDir);
const copyGuidelines = !hasGuidelines && projectGuidelines.length > 0 && !(await sameFolder(outDir, projectContent));

const { writes, report } = planHubImport(hub, existing, {
  projectGuidelines,
  copyGuidelines,
  unreadable,
  ...(values.id ? { policyId: values.id } : {}),
  ...(values.title ? { policyTitle: values.title } : {}),
});
if (!values['dry-run']) await writePlan(outDir, writes);

if (values.json) console.log(JSON.stringify({ out: outDir, dryRun: values['dry-run'], writes: writes.map((w) => w.path), ...report }, null, 2));
else console.log(formatImportReport(report, values['dry-run']));
const refused = report.outcomes.some((o) => o.status === 'refused') || unreadable.some((d) => d.severity === 'error');
process.exit(refused ? 1 : 0);
