/** Small wording helpers for the analysis pages. */

/** "1 policy", "3 policies", "0 guides", "3,162 words". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "Tempe, Arizona: 2 policies, 1 guide" — the words a map point stands for. */
export function placeCounts(place: { name: string; stateName: string; policies: number; faqs: number }): string {
  return `${place.name}, ${place.stateName}: ${count(place.policies, 'policy', 'policies')}, ${count(place.faqs, 'guide')}`;
}
