/**
 * Finds the structure of `<span>` tags in a policy body by scanning the source
 * text, not by parsing HTML: an HTML parser closes every open span at the first
 * `</p>`, which would cut a passage that crosses paragraphs. Scanning keeps each
 * span whole with its exact offsets, whatever block boundaries lie inside it.
 */

export interface ScannedSpan {
  /** Order of the opening tag in the body, from 0. */
  index: number;
  /** Every class on the tag. */
  classes: string[];
  /** Offsets in the body: `<span …>` is [openStart, openEnd), `</span>` is [closeStart, closeEnd). */
  openStart: number;
  openEnd: number;
  closeStart: number;
  closeEnd: number;
  /** Nesting depth, 0 for an outermost span. */
  depth: number;
  /** Index of the enclosing span, or -1. */
  parent: number;
}

export interface SpanProblem {
  kind: 'unclosed' | 'stray-close';
  offset: number;
}

export interface SpanScan {
  /** Every balanced span, in order of opening. */
  spans: ScannedSpan[];
  problems: SpanProblem[];
}

// Attribute text runs to the first ">", quotes or not: in broken real data such as
// `<span class="g-<span class="g-x">` that keeps the broken tag visible (and
// reported) instead of letting a quote-aware pattern skip it silently.
const TAG = /<(\/?)span\b([^>]*)>/gi;
const CLASS_ATTR = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** Classes of one tag's attribute text. */
export function classesOf(attributes: string): string[] {
  const match = CLASS_ATTR.exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3] ?? '';
  return value.split(/\s+/).filter(Boolean);
}

export function scanSpans(body: string): SpanScan {
  const spans: ScannedSpan[] = [];
  const problems: SpanProblem[] = [];
  const open: ScannedSpan[] = [];
  let next = 0;
  // A tag ends at a ">": matching only up to the last one keeps a body full of unclosed "<span"
  // linear (from every "<span" after it, the pattern would rescan to the end of the text).
  const searchable = body.slice(0, body.lastIndexOf('>') + 1);
  for (const match of searchable.matchAll(TAG)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1] === '/') {
      const span = open.pop();
      if (!span) {
        problems.push({ kind: 'stray-close', offset: start });
        continue;
      }
      span.closeStart = start;
      span.closeEnd = end;
      continue;
    }
    if (match[0].endsWith('/>')) continue; // <span/> opens nothing
    const parent = open.at(-1);
    const span: ScannedSpan = {
      index: next++,
      classes: classesOf(match[2] ?? ''),
      openStart: start,
      openEnd: end,
      closeStart: -1,
      closeEnd: -1,
      depth: open.length,
      parent: parent ? parent.index : -1,
    };
    spans.push(span);
    open.push(span);
  }
  for (const span of open) problems.push({ kind: 'unclosed', offset: span.openStart });
  return { spans: spans.filter((s) => s.closeStart >= 0), problems };
}
