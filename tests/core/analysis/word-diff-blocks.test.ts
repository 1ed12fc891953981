/**
 * The word diff as blocks (what the versions pages are paged by): the blocks
 * are the HTML's top-level paragraphs and folded runs, in order, and a folded
 * run can be cut so no block passes a byte limit — without losing, repeating
 * or reordering a paragraph, and with each fold's counts its own.
 */
import { describe, expect, test } from 'vitest';
import { wordDiff } from '../../../src/core/analysis/word-diff.ts';

const sentence = (i: number) => `Paragraph ${i} says the same thing in both versions of the policy, word for word.`;
const same = Array.from({ length: 40 }, (_, i) => sentence(i + 1));
const before = [...same, 'The old closing paragraph.'].join('\n\n');
const after = [...same, 'The new closing paragraph, rewritten.'].join('\n\n');
const paragraphsOf = (html: string) => [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);

describe('wordDiff blocks', () => {
  test('blocks joined by a line break are the html; no block holds a line break', () => {
    const diff = wordDiff(before, after);
    expect(diff.blocks.join('\n')).toBe(diff.html);
    for (const block of diff.blocks) expect(block).not.toContain('\n');
    // One fold of the 40 unchanged paragraphs, then the changed one.
    expect(diff.blocks).toHaveLength(2);
    expect(diff.blocks[0]).toMatch(/^<details class="diff__same"><summary>40 unchanged paragraphs \(\d+ words\)<\/summary>/);
  });

  test.each([600, 1_500, 2_500])('maxFoldBytes %i cuts the fold into blocks within it, every paragraph once and in order', (limit) => {
    const whole = wordDiff(before, after);
    const cut = wordDiff(before, after, { maxFoldBytes: limit });
    const folds = cut.blocks.filter((b) => b.startsWith('<details'));
    expect(folds.length).toBeGreaterThan(1);
    for (const fold of folds) {
      const inner = fold.slice(fold.indexOf('</summary>') + '</summary>'.length, -'</details>'.length);
      expect(Buffer.byteLength(inner)).toBeLessThanOrEqual(limit);
      // Each fold counts its own paragraphs and words.
      const paragraphs = paragraphsOf(inner);
      const words = paragraphs.reduce((n, p) => n + p!.split(/\s+/).length, 0);
      expect(fold).toContain(`<summary>${paragraphs.length} unchanged paragraph${paragraphs.length === 1 ? '' : 's'} (${words} words)</summary>`);
    }
    expect(paragraphsOf(cut.html)).toEqual(paragraphsOf(whole.html));
    expect({ ...cut, html: undefined, blocks: undefined }).toEqual({ ...whole, html: undefined, blocks: undefined });
  });

  test('a paragraph bigger than maxFoldBytes gets a fold of its own rather than being cut', () => {
    const long = Array.from({ length: 3 }, (_, i) => `${sentence(i)} ${'More words here. '.repeat(20)}`.trim());
    const diff = wordDiff([...long, 'a'].join('\n\n'), [...long, 'b'].join('\n\n'), { maxFoldBytes: 100 });
    expect(diff.blocks.filter((b) => b.startsWith('<details'))).toHaveLength(3);
    expect(paragraphsOf(diff.html).slice(0, 3)).toEqual(long);
  });
});
