/**
 * Seeded random mutations of content files, for the fuzz test: the same seed
 * always gives the same sequence, so a failure names a seed and an iteration
 * that reproduce it.
 */

/** mulberry32: a tiny, well-known 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  next: () => number;
  int: (maxExclusive: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

export function random(seed: number): Random {
  const next = mulberry32(seed);
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/** Fragments that matter to the parsers: span tags, frontmatter fences, YAML and Markdown syntax, entities. */
const TOKENS = [
  '<span class="g-', '<span class="g-open-formats">', '<span class="g-metadata">', '<span class="def-data">', '</span>', '<span>', '<span/>',
  '---', '\n---\n', '\n\n', ':', ': ', '"', "'", '[', ']', '](', '[1]', '<', '>', '&', '&#', '&amp;', '\t', '  ', '- ', '# ', '## ', '* ', '> ',
  '`', '```\n', '|', '| --- |', '{{', '${', '\\', '*', '_', '<p>', '</p>', '<br>', '<!--', '-->', '&#x6A;', 'javascript:', 'https://', 'TODO',
  'null', '~', '&anchor', '*anchor', '!!binary', '? ', '%YAML 1.2\n',
];

/** Code points that trip text handling: controls, bidi, BOM, combining marks, astral, private use. */
const UNICODE = [0x00a0, 0x200b, 0x200e, 0x202e, 0x2028, 0x2029, 0xfeff, 0x0301, 0x0000, 0x001b, 0x007f, 0x0085, 0xfffd, 0x1f600, 0x10ffff, 0xe000, 0x00e9, 0x4e2d, 0x05d0];

export type MutationName =
  | 'delete-range' | 'duplicate-range' | 'swap-lines' | 'delete-line' | 'duplicate-line'
  | 'insert-token' | 'insert-unicode' | 'truncate' | 'flip-byte' | 'replace-char';

export const MUTATIONS: readonly MutationName[] = [
  'delete-range', 'duplicate-range', 'swap-lines', 'delete-line', 'duplicate-line',
  'insert-token', 'insert-unicode', 'truncate', 'flip-byte', 'replace-char',
];

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** One mutation of a file's bytes. Text mutations work on the decoded text; flip-byte on raw bytes (may break UTF-8). */
export function mutate(bytes: Buffer, name: MutationName, rng: Random): Buffer {
  if (name === 'flip-byte') {
    if (bytes.length === 0) return bytes;
    const copy = Buffer.from(bytes);
    copy[rng.int(copy.length)] = rng.int(256);
    return copy;
  }
  const text = bytes.toString('utf8');
  const at = rng.int(text.length + 1);
  const length = 1 + rng.int(64);
  const lines = text.split('\n');
  const line = rng.int(lines.length);
  let out: string;
  switch (name) {
    case 'delete-range':
      out = splice(text, at, length, '');
      break;
    case 'duplicate-range':
      out = splice(text, at, 0, text.slice(at, at + length));
      break;
    case 'swap-lines': {
      const other = rng.int(lines.length);
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      out = lines.join('\n');
      break;
    }
    case 'delete-line':
      lines.splice(line, 1);
      out = lines.join('\n');
      break;
    case 'duplicate-line':
      lines.splice(line, 0, lines[line]!);
      out = lines.join('\n');
      break;
    case 'insert-token':
      out = splice(text, at, 0, rng.pick(TOKENS));
      break;
    case 'insert-unicode':
      out = splice(text, at, 0, String.fromCodePoint(rng.pick(UNICODE)));
      break;
    case 'replace-char':
      out = splice(text, at, 1, String.fromCodePoint(rng.pick(UNICODE)));
      break;
    case 'truncate':
      out = text.slice(0, at);
      break;
  }
  return Buffer.from(out, 'utf8');
}

/** One to three mutations, chosen by the generator. */
export function mutateSome(bytes: Buffer, rng: Random): { bytes: Buffer; applied: MutationName[] } {
  const applied: MutationName[] = [];
  let current = bytes;
  for (let i = 1 + rng.int(3); i > 0; i--) {
    const name = rng.pick(MUTATIONS);
    current = mutate(current, name, rng);
    applied.push(name);
  }
  return { bytes: current, applied };
}
