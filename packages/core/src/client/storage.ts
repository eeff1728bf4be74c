/**
 * Where a client keeps what must survive a reload: the visitor's token, the
 * last `seq` seen per session, and the outbox of unsent messages. Browsers use
 * IndexedDB (`createIndexedDbStorage` in `@parley/core/browser`); Node and
 * tests use {@link createMemoryStorage}.
 */
export interface ClientStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`. */
  entries<T>(prefix: string): Promise<[string, T][]>;
}

/** Keeps everything in a Map: survives reconnects, not reloads. */
export function createMemoryStorage(): ClientStorage {
  const map = new Map<string, unknown>();
  // Values are copied in and out, as IndexedDB's structured clone does.
  const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
  return {
    async get<T>(key: string) {
      return copy(map.get(key)) as T | undefined;
    },
    async set(key, value) {
      map.set(key, copy(value));
    },
    async delete(key) {
      map.delete(key);
    },
    async entries<T>(prefix: string) {
      return [...map].filter(([key]) => key.startsWith(prefix)).map(([k, v]) => [k, copy(v) as T]);
    },
  };
}
