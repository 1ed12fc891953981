/**
 * npm run validate [-- [--content DIR] [--format text|github|json] [--json] [paths…]]
 * Checks the whole content folder (references need every file) and reports
 * every problem; with paths, only problems in those files are printed.
 * Exit 1 when there is an error; warnings alone do not fail.
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';

// Node's on-disk compile cache (type stripping included) halves loading the checker from the
// second run on; set before the checker's modules load, hence the dynamic imports below.
enableCompileCache();
const { formatDiagnostics, summarize } = await import('../src/core/diagnostics/format.ts');
const { checkContent } = await import('../src/core/check-content.ts');
type DiagnosticFormat = import('../src/core/diagnostics/format.ts').DiagnosticFormat;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    content: { type: 'string', default: 'content' },
    format: { type: 'string', default: process.env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'text' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: npm run validate -- [--content DIR] [--format text|github|json] [--json] [file-or-folder…]');
  process.exit(0);
}
const format = (values.json ? 'json' : values.format) as DiagnosticFormat;
if (!['text', 'github', 'json'].includes(format)) {
  console.error(`unknown --format "${format}": use text, github or json`);
  process.exit(2);
}

const only = positionals.map((p) => p.replace(/^\.\//, ''));
// Diagnostics only (no documents kept), shared out to worker threads on large folders.
const result = await checkContent(values.content, { only });
const printed = formatDiagnostics(result.diagnostics, format);
if (printed) console.log(printed);
if (format !== 'json') console.error(summarize(result.diagnostics, result.files));
process.exit(result.ok || (only.length && !result.diagnostics.some((d) => d.severity === 'error')) ? 0 : 1);
