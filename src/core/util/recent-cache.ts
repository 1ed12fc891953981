/**
 * A cache that keeps only the most recently added values. A build renders the
 * pages of one entity one after another, so the last few results are the ones
 * asked again; keeping every result held gigabytes at 100,000 documents.
 */
export class RecentCache<K, V> {
  readonly #limit: number;
  readonly #values = new Map<K, V>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The cached value for key, or make()'s, which is kept (the oldest dropped past the limit). */
  get(key: K, make: () => V): V {
    if (this.#values.has(key)) return this.#values.get(key)!;
    const value = make();
    this.#values.set(key, value);
    // A Map keeps insertion order: its first key is the oldest.
    if (this.#values.size > this.#limit) this.#values.delete(this.#values.keys().next().value!);
    return value;
  }
}
