/**
 * npm run new -- place|contact|policy|faq [--place SLUG] [--topic SLUG] [--name TEXT] … [--content DIR]
 *
 * Writes a skeleton content file in the right folder and tells the editor what
 * is left to fill. Asks for what is missing when the terminal is interactive;
 * otherwise reads flags only. Never overwrites a file. The skeleton kinds live
 * in src/core/scaffold/; this file parses arguments, prompts and writes.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/core/load/load-content.ts';
import { displayPath } from '../src/core/load/read-files-fs.ts';
import { collectInputs, leftToFill, renderSkeleton, SCAFFOLD_KINDS, SCAFFOLDS, scaffoldContext, type Prompter, type ScaffoldKind } from '../src/core/scaffold/index.ts';
import { todayIso, validateContent } from '../src/core/validate.ts';

const USAGE = `usage: npm run new -- <kind> [options]

kinds and their options (asked for when missing, if the terminal is interactive):
  place    --name "Kansas City" --state MO [--place kansas-city-mo] --kind city|county|state|agency|local
  contact  --place SLUG --name "City Clerk" [--office city-clerk] --role clerk|attorney|…
  policy   --place SLUG --date YYYY-MM-DD (or --year YYYY) [--title TEXT] [--sunlight didnt|true|…] [--contacts ID,ID]
  faq      --place SLUG --topic SLUG [--title TEXT] [--contacts ID,ID]
common:    --content DIR (default: content)`;

const INPUT_FLAGS = ['place', 'topic', 'name', 'title', 'office', 'role', 'kind', 'state', 'date', 'year', 'sunlight', 'contacts'] as const;

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...Object.fromEntries(INPUT_FLAGS.map((name) => [name, { type: 'string' as const }])),
    content: { type: 'string', default: 'content' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const kind = positionals[0] as ScaffoldKind | undefined;
if (flags.help || !kind || !SCAFFOLD_KINDS.includes(kind) || positionals.length > 1) {
  if (!flags.help) console.error(kind && !SCAFFOLD_KINDS.includes(kind) ? `unknown kind "${kind}": use ${SCAFFOLD_KINDS.join(', ')}\n` : 'say what to create.\n');
  console.log(USAGE);
  process.exit(flags.help ? 0 : 2);
}

const contentDir = path.resolve(String(flags.content));
if (!(await stat(contentDir).catch(() => undefined))?.isDirectory()) {
  console.error(`content folder not found: ${contentDir} (run from the project folder, or pass --content DIR)`);
  process.exit(2);
}

const scaffold = SCAFFOLDS[kind];
const context = scaffoldContext((await loadContent(contentDir)).documents, todayIso());
const given = Object.fromEntries(INPUT_FLAGS.map((name) => [name, (flags as Record<string, unknown>)[name] as string | undefined]));

/**
 * Prompts on the terminal. Lines typed (or pasted) ahead of a question are kept
 * for it, and Ctrl+D or Ctrl+C ends the session without writing anything.
 */
function terminalPrompter(): { prompter: Prompter; close: () => void } {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const typedAhead: string[] = [];
  let waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  let closed = false;
  terminal.on('line', (line) => (waiting ? (waiting.resolve(line), (waiting = undefined)) : typedAhead.push(line)));
  terminal.on('close', () => {
    closed = true;
    waiting?.reject(new Error('cancelled'));
  });
  const ask = (question: string) => {
    if (typedAhead.length) {
      const line = typedAhead.shift()!;
      console.log(`${question}${line}`);
      return Promise.resolve(line);
    }
    if (closed) return Promise.reject(new Error('cancelled'));
    terminal.setPrompt(question);
    terminal.prompt();
    return new Promise<string>((resolve, reject) => (waiting = { resolve, reject }));
  };
  return { prompter: { ask, say: (line) => console.log(line) }, close: () => terminal.close() };
}

const terminal = process.stdin.isTTY ? terminalPrompter() : undefined;
const collected = await collectInputs(scaffold, given, context, terminal?.prompter).catch((error: Error) => {
  if (error.message !== 'cancelled') throw error;
  console.error('\nCancelled: nothing was written.');
  process.exit(130);
});
terminal?.close();
if (!collected.ok) {
  console.error(`Nothing was written:\n${collected.problems.map((p) => `  ${p}`).join('\n')}\n`);
  console.error(USAGE);
  process.exit(2);
}

const skeleton = renderSkeleton(scaffold, collected.values, context);
const target = path.join(contentDir, skeleton.relative);
const shown = displayPath(target);
await mkdir(path.dirname(target), { recursive: true });
try {
  await writeFile(target, skeleton.text, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  console.error(`${shown} already exists: nothing was written. Edit that file instead, or choose another name.`);
  process.exit(1);
}
console.log(`Wrote ${shown}`);

if (!terminal) {
  const references = scaffold.inputs.flatMap((input) => input.help?.(collected.values, context) ?? []);
  if (references.length) console.log(`\n${references.join('\n')}`);
}

const { diagnostics } = await validateContent(contentDir, { only: [shown] });
console.log(diagnostics.length ? `\nLeft to fill in ${shown} (npm run validate shows the same):\n${leftToFill(diagnostics).join('\n')}` : `\n${shown} validates.`);
if (skeleton.notes.length) console.log(`\nAlso:\n${skeleton.notes.map((note) => `  - ${note}`).join('\n')}`);
console.log('\nRules explained: docs/rules.md. How to write each field: CONTRIBUTING.md.');
