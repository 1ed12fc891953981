/** "1 policy", "3 policies": a count with its noun, for text that states numbers in words. */
export function countWords(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
