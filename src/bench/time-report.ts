/**
 * Reads the resource report GNU time prints with `-v` (on stderr, after the
 * command's own output): peak resident set size and elapsed wall time.
 */

export interface TimeReport {
  /** Peak RSS in bytes, the largest of the process and the children it waited for. */
  maxRssBytes: number;
  /** Elapsed wall-clock seconds. */
  wallSeconds: number;
  exitStatus: number | undefined;
}

/** "1:02:03.45", "2:03.45" or "3.45" → seconds. */
export function parseClock(value: string): number {
  return value
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

/** The report, or undefined when the text holds none (time missing or killed first). */
export function parseTimeReport(stderr: string): TimeReport | undefined {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \([^)]*\): ([\d:.]+)/.exec(stderr);
  if (!rss || !wall) return undefined;
  const exit = /Exit status: (\d+)/.exec(stderr);
  return { maxRssBytes: Number(rss[1]) * 1024, wallSeconds: parseClock(wall[1]!), exitStatus: exit ? Number(exit[1]) : undefined };
}
