import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

import { createMemoryStorage, type ClientStorage } from '../client/storage.js';
import { warnOnce } from '../internal/dev-mode.js';

/**
 * Makes a {@link ClientStorage} in IndexedDB, so the visitor's identity, the
 * last `seq` seen per session and the outbox of unsent messages survive a
 * reload. Each namespace has its own database, `parley-<namespace>` (one store,
 * `kv`), so two widgets on a page, or two sites, never see each other's keys.
 *
 * Where IndexedDB is missing or refuses to open (some private modes), it keeps
 * everything in memory instead and warns once: the chat works, but a reload
 * starts afresh. The database opens on first use, not on creation.
 */
export function createIndexedDbStorage(namespace: string): ClientStorage {
  let backend: Promise<ClientStorage> | undefined;
  const ready = () => (backend ??= open(`parley-${namespace}`));
  return {
    get: async <T>(key: string) => (await ready()).get<T>(key),
    set: async (key, value) => (await ready()).set(key, value),
    delete: async (key) => (await ready()).delete(key),
    entries: async <T>(prefix: string) => (await ready()).entries<T>(prefix),
  };
}

async function open(database: string): Promise<ClientStorage> {
  let store: UseStore;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    store = createStore(database, 'kv');
    // Opens the database (creating the store the first time) and a transaction on it.
    await store('readonly', () => undefined);
  } catch (error) {
    warnOnce('indexeddb-unavailable', error);
    return createMemoryStorage();
  }
  // What idb-keyval's get, set and del do, without their default store.
  const write = (change: (objects: IDBObjectStore) => void) =>
    store('readwrite', (objects) => {
      change(objects);
      return promisifyRequest(objects.transaction);
    });
  return {
    get: <T>(key: string) => store('readonly', (objects) => promisifyRequest<T | undefined>(objects.get(key))),
    set: (key, value) => write((objects) => objects.put(value, key)),
    delete: (key) => write((objects) => objects.delete(key)),
    entries: <T>(prefix: string) => store('readonly', (objects) => entriesFrom<T>(objects, prefix)),
  };
}

/** Walks the keys from `prefix` upwards (they are sorted) while they start with it. */
function entriesFrom<T>(objects: IDBObjectStore, prefix: string): Promise<[string, T][]> {
  return new Promise((resolve, reject) => {
    const found: [string, T][] = [];
    const request = objects.openCursor(IDBKeyRange.lowerBound(prefix));
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor && typeof cursor.key === 'string' && cursor.key.startsWith(prefix)) {
        found.push([cursor.key, cursor.value as T]);
        cursor.continue();
      } else {
        resolve(found);
      }
    };
    request.onerror = () => reject(request.error);
  });
}
