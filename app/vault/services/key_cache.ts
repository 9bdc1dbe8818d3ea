/**
 * Unwrapped keys, kept in process memory only (never logged, serialized or
 * written), for a bounded time and a bounded count: least recently used
 * entries go first. A destroyed key is evicted at once in this process;
 * other processes drop it when their entry expires (TTL).
 */
export class KeyCache<Value> {
  #entries = new Map<string, { value: Value; expiresAt: number }>()

  constructor(
    public ttlMs: number,
    public maxEntries: number
  ) {}

  get(id: string): Value | undefined {
    const entry = this.#entries.get(id)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(id)
      return undefined
    }
    // Re-insert: Map order is the recency order.
    this.#entries.delete(id)
    this.#entries.set(id, entry)
    return entry.value
  }

  set(id: string, value: Value, ttlMs = this.ttlMs) {
    this.#entries.delete(id)
    this.#entries.set(id, { value, expiresAt: Date.now() + ttlMs })
    while (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
  }

  delete(id: string) {
    this.#entries.delete(id)
  }

  /** Drops every entry whose id starts with the prefix (a scope, a subject). */
  deletePrefix(prefix: string) {
    for (const id of [...this.#entries.keys()]) {
      if (id.startsWith(prefix)) this.#entries.delete(id)
    }
  }

  clear() {
    this.#entries.clear()
  }

  get size() {
    return this.#entries.size
  }
}
