/**
 * Tagged passages out of a policy body: every guideline class on every
 * balanced span becomes one passage, quoted whole even where it crosses
 * paragraphs. The site, the CLI, the importers and the tests all use this.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { lineIndex } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { toParagraphs } from './plain-text.ts';
import { scanSpans, type ScannedSpan, type SpanScan } from './scan-spans.ts';

export interface Passage {
  /** Anchor id, stable while earlier passages of the same guideline stay: "g-<code>-<k>". */
  anchor: string;
  guideline: string;
  policy: string;
  /** k: 1-based order among this policy's passages of this guideline. */
  ordinal: number;
  /** Full text, paragraphs separated by a blank line (computed on first read). */
  readonly text: string;
  readonly paragraphs: number;
  /** 1-based position of the opening tag in the file. */
  line: number;
  column: number;
  /** Guideline spans around this one. */
  depth: number;
  /** Source offsets of the content inside the span. */
  start: number;
  end: number;
}

export interface ExtractOptions {
  policy: string;
  file: string;
  /** Known guideline codes. */
  codes: ReadonlySet<string>;
  /** 1-based line of the body's first character in the file. */
  bodyLine?: number;
}

type PassageFields = Omit<Passage, 'text' | 'paragraphs'>;

/**
 * A passage as a class, not an object literal with getters: a literal with
 * accessors gets its own dictionary of properties and three closures, ~1 KB a
 * passage — a gigabyte at 100,000 documents (~1 million passages). Here the
 * getters live once on the prototype. Text is computed from the body on each
 * read (~7 µs): validation needs only the positions, and keeping every
 * passage's text once read held ~450 MB at 100k for the few reads a build
 * makes. toJSON keeps the text in JSON as the literal did.
 */
class TaggedPassage implements Passage {
  anchor: string;
  guideline: string;
  policy: string;
  ordinal: number;
  line: number;
  column: number;
  depth: number;
  start: number;
  end: number;
  #body: string;

  constructor(body: string, fields: PassageFields) {
    this.anchor = fields.anchor;
    this.guideline = fields.guideline;
    this.policy = fields.policy;
    this.ordinal = fields.ordinal;
    this.line = fields.line;
    this.column = fields.column;
    this.depth = fields.depth;
    this.start = fields.start;
    this.end = fields.end;
    this.#body = body;
  }

  #paragraphsOf(): string[] {
    return toParagraphs(this.#body.slice(this.start, this.end));
  }

  get text(): string {
    return this.#paragraphsOf().join('\n\n');
  }

  get paragraphs(): number {
    return this.#paragraphsOf().length;
  }

  toJSON(): Passage {
    const { anchor, guideline, policy, ordinal, text, paragraphs, line, column, depth, start, end } = this;
    return { anchor, guideline, policy, ordinal, text, paragraphs, line, column, depth, start, end };
  }
}

/** Class prefixes that mark passages (g-) or defined terms (def-). */
export const GUIDELINE_PREFIX = 'g-';
const DEFINITION_CLASS = /^def-[a-z]+(?:-[a-z]+)*$/;

/** Passage anchor for the k-th passage of a guideline in one policy. */
export function passageAnchor(code: string, ordinal: number): string {
  return `g-${code}-${ordinal}`;
}

/** Guideline codes of a span, in class order, unknown ones included. */
export function guidelineCodesOf(span: ScannedSpan): string[] {
  return span.classes.filter((c) => c.startsWith(GUIDELINE_PREFIX)).map((c) => c.slice(GUIDELINE_PREFIX.length));
}

export function extractPassages(body: string, options: ExtractOptions, scan: SpanScan = scanSpans(body)): {
  passages: Passage[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const bodyLine = options.bodyLine ?? 1;
  // One index per body: a position per span must not rescan the body (10,000 spans would be quadratic).
  const lines = lineIndex(body);
  const where = (offset: number) => {
    const pos = lines.positionAt(offset);
    return { file: options.file, line: pos.line + bodyLine - 1, column: pos.column };
  };
  for (const problem of scan.problems) {
    diagnostics.push({
      ...where(problem.offset),
      rule: 'unbalanced-span',
      severity: 'error',
      message: problem.kind === 'unclosed' ? 'this <span> is never closed' : 'this </span> closes no open <span>',
      hint: problem.kind === 'unclosed' ? 'add </span> where the passage ends' : 'remove it, or add the missing <span class="g-…">',
    });
  }
  const passages: Passage[] = [];
  const ordinals = new Map<string, number>();
  const guidelineDepth = new Map<number, number>();
  for (const span of scan.spans) {
    const parentDepth = span.parent >= 0 ? (guidelineDepth.get(span.parent) ?? 0) : 0;
    const codes = guidelineCodesOf(span);
    guidelineDepth.set(span.index, parentDepth + (codes.length ? 1 : 0));
    for (const cls of span.classes) {
      if (cls.startsWith(GUIDELINE_PREFIX) || DEFINITION_CLASS.test(cls)) continue;
      const suggestion = didYouMean(cls.replace(/^guideline-/, ''), options.codes);
      diagnostics.push({
        ...where(span.openStart),
        rule: 'unknown-span-class',
        severity: 'error',
        message: `span class "${cls}" is neither a guideline tag (g-CODE) nor a definition (def-WORD)`,
        hint: suggestion ? `did you mean "g-${suggestion}"?` : 'remove the class or the span',
      });
    }
    for (const code of codes) {
      if (!options.codes.has(code)) {
        const suggestion = didYouMean(code, options.codes);
        diagnostics.push({
          ...where(span.openStart),
          rule: 'unknown-guideline',
          severity: 'error',
          message: `"g-${code}" is not one of the 31 guideline codes`,
          hint: suggestion ? `did you mean "g-${suggestion}"?` : 'see content/guidelines/ for the codes',
        });
        continue;
      }
      const ordinal = (ordinals.get(code) ?? 0) + 1;
      ordinals.set(code, ordinal);
      const pos = where(span.openStart);
      passages.push(new TaggedPassage(body, {
        anchor: passageAnchor(code, ordinal),
        guideline: code,
        policy: options.policy,
        ordinal,
        line: pos.line,
        column: pos.column,
        depth: parentDepth,
        start: span.openEnd,
        end: span.closeStart,
      }));
    }
  }
  return { passages, diagnostics };
}
