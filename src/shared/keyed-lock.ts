/**
 * One holder per key at a time, the others waiting in the order they came: for work that must
 * not run twice at once for the same thing (the first upload of a stored file), while other keys
 * go on. Nothing is kept for a key nobody holds or waits for.
 */
export class KeyedLock<K = string> {
  /** Per key, the promise that settles when its last holder (held or queued) releases it. */
  readonly #tails = new Map<K, Promise<void>>();

  /** Waits until nobody holds `key`, takes it, and returns its release (a second call does nothing). */
  async acquire(key: K): Promise<() => void> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let unlock!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (unlock = resolve)));
    this.#tails.set(key, tail);
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      unlock();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    };
  }

  /** How many keys are held now (or waited for). */
  get size(): number {
    return this.#tails.size;
  }
}
