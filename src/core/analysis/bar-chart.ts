/**
 * Layout of a horizontal bar chart drawn as one SVG at build time: each row a
 * label (wrapped onto as many lines as it needs, since SVG text does not
 * wrap), then a bar whose length is value / max, then the value in words.
 * Plain numbers out; src/components/charts/CoverageBars.astro draws them.
 */

export interface BarInput {
  label: string;
  value: number;
  /** The value in words, written after the bar, e.g. "23 of 52 places". */
  valueText: string;
}

export interface BarRow extends BarInput {
  /** Baseline of each label line. */
  lines: { text: string; y: number }[];
  barY: number;
  barWidth: number;
  /** Baseline of the value text, and where it starts (right of the full-length track, so it never overlaps a bar). */
  valueX: number;
  valueY: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  barHeight: number;
  /** Length a bar of value = max gets. */
  barMax: number;
  rows: BarRow[];
}

export interface BarChartOptions {
  /** The value a full bar stands for (e.g. all places); defaults to the largest value. */
  max?: number;
  width?: number;
  /** Characters per label line before wrapping. */
  wrapAt?: number;
}

/** Sizes in viewBox units, chosen for a chart shown at most about 30rem wide. */
const WIDTH = 360;
const LINE_HEIGHT = 16;
const BAR_HEIGHT = 12;
const GAP_BELOW_LABEL = 5;
const ROW_GAP = 12;
/** Room right of a full bar for the value in words. */
const VALUE_ROOM = 84;
const WRAP_AT = 46;

/** Words onto lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Row positions for the given bars, top to bottom in the order given. */
export function barChartLayout(items: readonly BarInput[], options: BarChartOptions = {}): BarChartLayout {
  const width = options.width ?? WIDTH;
  const barMax = width - VALUE_ROOM;
  const max = options.max ?? Math.max(0, ...items.map((i) => i.value));
  let y = 0;
  const rows = items.map((item) => {
    const lines = wrapText(item.label, options.wrapAt ?? WRAP_AT).map((text) => {
      y += LINE_HEIGHT;
      return { text, y: y - 4 };
    });
    const barY = y + GAP_BELOW_LABEL - 4;
    const barWidth = max > 0 ? Math.round((barMax * Math.max(0, item.value)) / max * 10) / 10 : 0;
    y = barY + BAR_HEIGHT + ROW_GAP;
    return { ...item, lines, barY, barWidth, valueX: barMax + 6, valueY: barY + BAR_HEIGHT - 2 };
  });
  return { width, height: Math.max(y - ROW_GAP + 4, 1), barHeight: BAR_HEIGHT, barMax, rows };
}
