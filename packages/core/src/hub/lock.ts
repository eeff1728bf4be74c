/**
 * A keyed mutex: work on one key (a session id) runs one at a time, in the
 * order it was asked for; different keys run concurrently. This is what keeps
 * two agents accepting the same chat, or a transfer answer racing its
 * timeout, from both winning.
 *
 * Never await a lock while holding the same key: chains are not re-entrant.
 */
export interface KeyedLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void>;
}

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(work, work);
      // The chain continues whether this work fails or not; the last one out removes the key.
      // (Inline callbacks: a named closure per call costs more under tsx, which keeps names.)
      const tail: Promise<void> = result.then(
        () => void (tails.get(key) === tail && tails.delete(key)),
        () => void (tails.get(key) === tail && tails.delete(key)),
      );
      tails.set(key, tail);
      return result;
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
