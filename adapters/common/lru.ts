/**
 * A Map bounded to `max` entries that forgets the least recently used one first. Reading an
 * entry (get) counts as using it. JavaScript Maps keep insertion order, which is the recency order
 * here because a used entry is deleted and set again.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error("an LRU map needs room for at least one entry");
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  get size(): number {
    return this.entries.size;
  }
}
