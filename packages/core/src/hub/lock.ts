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
      // The chain continues whether this work fails or not.
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
