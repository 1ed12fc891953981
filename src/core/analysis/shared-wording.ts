/**
 * How much wording two texts share, cheaply (linear in their length): the
 * share of the shorter text's three-word phrases that appear in the other.
 * An amendment keeps most phrases even where it changes a word in every
 * sentence (each change breaks only the three phrases around it) or adds
 * whole sections (the shorter text is still inside the longer); a policy
 * rewritten from scratch shares almost none (the Sunlight sample's two
 * rewrites: under 2 %).
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function phrases(text: string): Set<string> {
  const words = (text.toLowerCase().match(WORD) ?? []) as string[];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  // A text of one or two words is its own phrase.
  if (words.length > 0 && words.length < 3) out.add(words.join(' '));
  return out;
}

/** 0 (nothing in common) to 1 (the shorter text's phrases all appear in the other); 1 when either text is empty. */
export function sharedWording(a: string, b: string): number {
  const [small, large] = [phrases(a), phrases(b)].sort((x, y) => x.size - y.size) as [Set<string>, Set<string>];
  if (small.size === 0) return 1;
  let shared = 0;
  for (const phrase of small) if (large.has(phrase)) shared++;
  return shared / small.size;
}
