/** eachAtOnce (scripts/lib/at-once.ts): the bounded pool the search index lists, reads and links files with. */
import { expect, test } from 'vitest';
import { eachAtOnce } from '../../scripts/lib/at-once.ts';

test('eachAtOnce runs every item once, never more than its limit at a time, starting them in order', async () => {
  const started: number[] = [];
  let running = 0;
  let most = 0;
  await eachAtOnce([...Array(20).keys()], 3, async (item) => {
    started.push(item);
    running += 1;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, item % 4));
    running -= 1;
  });
  expect(started).toEqual([...Array(20).keys()]);
  expect(most).toBe(3);
});
