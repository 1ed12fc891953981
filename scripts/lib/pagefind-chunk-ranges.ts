/**
 * Closes the gaps between the word ranges of a Pagefind bundle's index chunks,
 * so a search fetches the chunk of each word it looks up and no other.
 *
 * A bundle's pf_meta lists its index chunks with the range of (stemmed) words
 * each holds, cut to the shortest prefixes that tell neighbours apart:
 * ["off", "offic"], then ["offici", "on"]. Pagefind's search (1.6) looks up the
 * typed word as well as its stem, and a typed word that falls between two
 * ranges ("office", stem "offic") is in none, so it falls back to a loose
 * prefix match that also fetches every chunk whose range ends in a prefix of
 * the word — the chunk ending at "of", 10 KB in a state bundle at 10k, for a
 * word it does not hold. Such a word has no completions in the next chunk
 * either (they would sort before that chunk's first word), so each range is
 * stretched to end where the next begins: the typed word then lands in its
 * stem's chunk (a word exactly equal to the start of the next range fetches
 * both chunks, one more than before: rare). The chunks, their words and every
 * other byte of pf_meta stay as Pagefind wrote them; the file keeps its
 * name, its content being a function of Pagefind's own (should this rewrite
 * ever change, a copy cached under that name still names the same chunks:
 * slower at worst, never wrong).
 *
 * pf_meta is gzip of "pagefind_dcd" + CBOR (pagefind/src/index/index_metadata.rs):
 * [version, pages, [[from, to, hash], …], filters, sorts, meta fields], arrays
 * of definite length. Anything else is an error naming the file: a Pagefind
 * upgrade that changed the format must be looked at, not indexed around.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const MAGIC = Buffer.from('pagefind_dcd');
const ARRAY = 4;
const TEXT = 3;

/** One index chunk as pf_meta names it: the words from…to (prefixes) are in index/<hash>.pf_index. */
export interface Chunk {
  from: string;
  to: string;
  hash: string;
}

class Cbor {
  private readonly bytes: Buffer;
  private readonly file: string;
  pos = 0;

  constructor(bytes: Buffer, file: string) {
    this.bytes = bytes;
    this.file = file;
  }

  fail(what: string): never {
    throw new Error(`${this.file}: not the pf_meta layout this build knows (${what} at byte ${this.pos}); was Pagefind upgraded?`);
  }

  /** Reads an item's head: its major type and its length (or value). */
  head(): { major: number; value: number } {
    const first = this.bytes[this.pos];
    if (first === undefined) this.fail('end of data');
    const major = first >> 5;
    const info = first & 31;
    this.pos += 1;
    if (info < 24) return { major, value: info };
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : this.fail('an indefinite or reserved length');
    if (this.pos + size > this.bytes.length) this.fail('end of data');
    const value = size === 8 ? Number(this.bytes.readBigUInt64BE(this.pos)) : this.bytes.readUIntBE(this.pos, size);
    this.pos += size;
    return { major, value };
  }

  expect(major: number, what: string): number {
    const start = this.pos;
    const { major: found, value } = this.head();
    if (found !== major) {
      this.pos = start;
      this.fail(`${what} expected`);
    }
    return value;
  }

  text(): string {
    const length = this.expect(TEXT, 'a text string');
    const value = this.bytes.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  /** Steps over one item, whatever it holds. */
  skip(): void {
    const { major, value } = this.head();
    if (major === 2 || major === 3) this.pos += value;
    else if (major === ARRAY) for (let i = 0; i < value; i++) this.skip();
    else if (major === 5) for (let i = 0; i < value * 2; i++) this.skip();
    else if (major === 6) this.skip();
  }
}

function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(value, 1);
  return out;
}

function encodeChunks(chunks: readonly Chunk[]): Buffer {
  const parts = [head(ARRAY, chunks.length)];
  for (const chunk of chunks) {
    parts.push(head(ARRAY, 3));
    for (const s of [chunk.from, chunk.to, chunk.hash]) {
      const utf8 = Buffer.from(s, 'utf8');
      parts.push(head(TEXT, utf8.length), utf8);
    }
  }
  return Buffer.concat(parts);
}

/** The chunk table of a pf_meta's CBOR, and where it sits. */
function readChunks(cbor: Buffer, file: string): { chunks: Chunk[]; start: number; end: number } {
  const reader = new Cbor(cbor, file);
  if (reader.expect(ARRAY, 'the metadata array') < 3) reader.fail('a metadata array of under 3 items');
  reader.text(); // Pagefind's version
  reader.skip(); // pages
  const start = reader.pos;
  const count = reader.expect(ARRAY, 'the index chunk array');
  const chunks: Chunk[] = [];
  for (let i = 0; i < count; i++) {
    if (reader.expect(ARRAY, 'an index chunk') !== 3) reader.fail('an index chunk of other than 3 items');
    chunks.push({ from: reader.text(), to: reader.text(), hash: reader.text() });
  }
  return { chunks, start, end: reader.pos };
}

/** The pf_meta files of a bundle, one per language, from its pagefind-entry.json. */
async function metaFiles(bundleDir: string): Promise<string[]> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { hash?: string }>;
  };
  return Object.values(entry.languages ?? {}).map(({ hash }) => {
    if (!hash) throw new Error(`${path.join(bundleDir, 'pagefind-entry.json')}: a language without a hash`);
    return path.join(bundleDir, `pagefind.${hash}.pf_meta`);
  });
}

/** Reads a pf_meta file's chunk table (the tests check what Pagefind and closeChunkGaps wrote). */
export async function readChunkRanges(metaFile: string): Promise<Chunk[]> {
  return readChunks(unpack(await readFile(metaFile), metaFile), metaFile).chunks;
}

function unpack(file: Buffer, name: string): Buffer {
  const data = gunzipSync(file);
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${name}: does not start with "pagefind_dcd"; was Pagefind upgraded?`);
  return data.subarray(MAGIC.length);
}

/** Stretches each chunk's range to the next one's start, in every pf_meta of the bundle. Returns the gaps closed. */
export async function closeChunkGaps(bundleDir: string): Promise<number> {
  let closed = 0;
  for (const file of await metaFiles(bundleDir)) {
    const cbor = unpack(await readFile(file), file);
    const { chunks, start, end } = readChunks(cbor, file);
    let changed = 0;
    for (let i = 0; i + 1 < chunks.length; i++) {
      const next = chunks[i + 1]!.from;
      if (chunks[i]!.to !== next) {
        chunks[i]!.to = next;
        changed++;
      }
    }
    if (changed === 0) continue;
    // Written beside it, then renamed over it: a run stopped half-way leaves Pagefind's file, not half of ours.
    const rewritten = Buffer.concat([MAGIC, cbor.subarray(0, start), encodeChunks(chunks), cbor.subarray(end)]);
    await writeFile(`${file}.tmp`, gzipSync(rewritten));
    await rename(`${file}.tmp`, file);
    closed += changed;
  }
  return closed;
}
