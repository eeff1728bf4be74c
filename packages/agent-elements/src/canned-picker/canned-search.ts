/**
 * Instant incremental search over a {@link CannedSource}: each keystroke
 * starts a search and aborts the one it replaces, answers already seen come
 * from a small cache at once, and only the answer to the latest query is kept.
 */
import type { CannedItem, CannedSource } from '../api/canned.js';

const CACHE_SIZE = 50;

export class CannedSearch {
  readonly #source: CannedSource;
  readonly #onResults: (query: string, items: readonly CannedItem[]) => void;
  readonly #onError: (error: unknown) => void;
  readonly #cache = new Map<string, readonly CannedItem[]>();
  #pending: AbortController | undefined;
  #latest = '';

  constructor(source: CannedSource, onResults: (query: string, items: readonly CannedItem[]) => void, onError: (error: unknown) => void) {
    this.#source = source;
    this.#onResults = onResults;
    this.#onError = onError;
  }

  search(query: string): void {
    const q = query.trim();
    this.#latest = q;
    this.#pending?.abort();
    this.#pending = undefined;
    const cached = this.#cache.get(q);
    if (cached) {
      this.#onResults(q, cached);
      return;
    }
    const controller = new AbortController();
    this.#pending = controller;
    this.#source(q, controller.signal).then(
      (items) => {
        this.#remember(q, items);
        if (q === this.#latest && !controller.signal.aborted) this.#onResults(q, items);
      },
      (error: unknown) => {
        if (!controller.signal.aborted && q === this.#latest) this.#onError(error);
      },
    );
  }

  dispose(): void {
    this.#pending?.abort();
  }

  #remember(query: string, items: readonly CannedItem[]): void {
    this.#cache.delete(query);
    this.#cache.set(query, items);
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
  }
}
