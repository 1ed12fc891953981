/**
 * Rewrites a policy body so that every guideline span is closed before each
 * block boundary it crosses and reopened after it. The HTML parser then sees
 * balanced spans inside every paragraph, and each paragraph a passage covers
 * is marked — the passage is not cut at the first `</p>`.
 *
 * A span with several guideline classes becomes one nested span per class, so
 * each passage is exactly one element (per paragraph) with one anchor.
 */
import { guidelineCodesOf, passageAnchor } from '../passages/extract.ts';
import type { ScannedSpan, SpanScan } from '../passages/scan-spans.ts';

// A tag runs to the next ">" and may not contain "<": linear even on "<p <p <p …" with no ">".
const BOUNDARY = /<\/?(?:p|li|ol|ul|h[1-6]|div|blockquote|table|thead|tbody|tr|td|th|dl|dt|dd)\b[^<>]*>|\n[ \t]*(?:\n[ \t]*)+/gi;
/** Markdown block markers that must stay first on their line after a blank-line boundary. */
const BLOCK_MARKER = /^(?:(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))+/;
const SPAN_TAG = /<\/?span\b[^>]*>/gi;
/** The close of a block, then only spaces: what may precede a block tag that starts a new block mid-line. */
const AFTER_BLOCK = /<\/(?:p|li|ol|ul|h[1-6]|div|blockquote|table|dl|dd)>[ \t]*$/i;

export interface SplitResult {
  source: string;
  /** Anchor → guideline code, for every passage rendered. */
  anchors: Map<string, string>;
  /**
   * Where the text may be cut into parts (src/core/render/policy-parts.ts): line
   * starts that follow a block boundary, at which no span is open in the output —
   * each as its offset in the body and in `source`, in order.
   */
  breaks: Array<{ at: number; out: number }>;
}

interface OpenEntry {
  /** Tags that reopen this span after a boundary (no id: the anchor is on the first part). */
  reopen: string[];
}

/** Opening tags of one span: one per known guideline class; other classes ride on the first. */
function openingTags(span: ScannedSpan, codes: string[], anchors: string[], first: boolean): string[] {
  const others = span.classes.filter((c) => !c.startsWith('g-'));
  if (codes.length === 0) return [others.length ? `<span class="${others.join(' ')}">` : '<span>'];
  return codes.map((code, i) => {
    const anchor = anchors[i]!;
    const extra = i === 0 && others.length ? ` ${others.join(' ')}` : '';
    const tail = first ? ` id="${anchor}"` : ' data-cont=""';
    return `<span class="g g-${code}${extra}" data-g="${code}" data-passage="${anchor}"${tail}>`;
  });
}

export function splitSpansAtBlocks(body: string, scan: SpanScan, knownCodes: ReadonlySet<string>): SplitResult {
  type Event = { at: number; end: number; kind: 'open' | 'close' | 'boundary'; span?: ScannedSpan };
  const events: Event[] = [];
  for (const span of scan.spans) {
    events.push({ at: span.openStart, end: span.openEnd, kind: 'open', span });
    events.push({ at: span.closeStart, end: span.closeEnd, kind: 'close', span });
  }
  for (const match of body.matchAll(BOUNDARY)) events.push({ at: match.index, end: match.index + match[0].length, kind: 'boundary' });
  events.sort((a, b) => a.at - b.at);

  const ordinals = new Map<string, number>();
  const anchors = new Map<string, string>();
  const stack: OpenEntry[] = [];
  let segmentOpen = true; // are the stack's spans open in the output right now?
  let out = '';
  let cursor = 0;
  const breaks: SplitResult['breaks'] = [];
  // A block start with every span closed in the output: the text before it ends balanced.
  const markBreak = (at: number) => {
    if (at > 0 && at < body.length && (stack.length === 0 || !segmentOpen) && breaks.at(-1)?.at !== at) {
      breaks.push({ at, out: out.length });
    }
  };

  const reopenAll = () => {
    if (!segmentOpen) out += stack.flatMap((e) => e.reopen).join('');
    segmentOpen = true;
  };
  // Unbalanced tags were reported by the validator; they are dropped so the HTML stays balanced.
  const copyText = (text: string) => {
    const clean = text.replace(SPAN_TAG, '');
    if (segmentOpen || stack.length === 0 || !/\S/.test(clean)) {
      out += clean;
      return;
    }
    const lead = /^\s*/.exec(clean)![0];
    const rest = clean.slice(lead.length);
    const marker = lead.includes('\n') || out.endsWith('\n') ? (BLOCK_MARKER.exec(rest)?.[0] ?? '') : '';
    out += lead + marker;
    reopenAll();
    out += rest.slice(marker.length);
  };

  for (const event of events) {
    if (event.at < cursor) continue; // a boundary inside a tag already copied
    copyText(body.slice(cursor, event.at));
    // A block tag that opens a line ("<p>", "<h2>" in pasted HTML), or follows the close of the block before
    // it ("…</p> <p>": pasted documents often hold all their paragraphs on one line), starts a block.
    if (event.kind === 'boundary' && body[event.at + 1] !== '/' && (body[event.at - 1] === '\n' || AFTER_BLOCK.test(body.slice(Math.max(0, event.at - 16), event.at)))) {
      markBreak(event.at);
    }
    cursor = event.end;
    if (event.kind === 'open') {
      reopenAll();
      const span = event.span!;
      const codes = guidelineCodesOf(span).filter((code) => knownCodes.has(code));
      const spanAnchors = codes.map((code) => {
        const ordinal = (ordinals.get(code) ?? 0) + 1;
        ordinals.set(code, ordinal);
        const anchor = passageAnchor(code, ordinal);
        anchors.set(anchor, code);
        return anchor;
      });
      out += openingTags(span, codes, spanAnchors, true).join('');
      stack.push({ reopen: openingTags(span, codes, spanAnchors, false) });
    } else if (event.kind === 'close') {
      const entry = stack.pop();
      // When the parts are closed (right after a boundary) the span simply ends there.
      if (segmentOpen && entry) out += '</span>'.repeat(entry.reopen.length);
    } else {
      if (stack.length && segmentOpen) out += stack.map((e) => '</span>'.repeat(e.reopen.length)).join('');
      if (stack.length) segmentOpen = false;
      out += body.slice(event.at, event.end);
      // After blank lines, the next line starts a block unless it is indented (a list item's continuation).
      if (body[event.at] === '\n' && body[event.end - 1] === '\n') markBreak(event.end);
    }
  }
  copyText(body.slice(cursor));
  return { source: out, anchors, breaks };
}
