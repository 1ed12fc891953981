/**
 * Runs `work` on every item, at most `limit` at a time, starting them in the
 * items' order. For file-system work: one call after another waits on each
 * in turn, all at once opens too many files.
 */
export async function eachAtOnce<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
