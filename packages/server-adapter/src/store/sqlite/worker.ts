/**
 * The store thread's side: runs a SQLite store ({@link openSqlite}) on a
 * worker thread and answers the calls `thread.ts` posts, a batch per turn of
 * each event loop. This module is the thread's entry: loaded there with the
 * mark in `workerData` it serves; imported anywhere else it does nothing.
 * Internal.
 */
import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from './open.js';

/** This module's address, for `new Worker` (the same file in development and in the build). */
export const STORE_WORKER_URL = import.meta.url;

export const STORE_WORKER_MARK = 'parley.sqlite-store-thread';

export interface StoreWorkerData {
  readonly mark: typeof STORE_WORKER_MARK;
  readonly file: string;
}

/** `[id, method, args]`; besides the store's methods, `appendEncoded` (see `HubTables`). */
export type StoreCall = readonly [id: number, method: string, args: readonly unknown[]];

/** `[id, 1, value]`, or `[id, 0, error]`. */
export type StoreResult = readonly [id: number, ok: 0 | 1, value: unknown];

export type ToStoreThread = { readonly calls: readonly StoreCall[] } | { readonly close: true };

export type FromStoreThread =
  | { readonly ready: true }
  | { readonly failed: SerializedError }
  | { readonly results: readonly StoreResult[] }
  | { readonly trouble: SerializedError }
  | { readonly closed: true };

/** An error as it crosses threads, its `code` included (structured clone drops it). */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: unknown;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code } = error as { code?: unknown };
  return { name: error.name, message: error.message, stack: error.stack, ...(code !== undefined && { code }) };
}

export function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  if (serialized.code !== undefined) (error as { code?: unknown }).code = serialized.code;
  return error;
}

type Method = (...args: readonly unknown[]) => Promise<unknown>;

function serve(port: MessagePort, file: string): void {
  let opened: ReturnType<typeof openSqlite>;
  try {
    // Commits here cost the event loop nothing: the next batch commits while the last one's fsync runs.
    const onError = (error: Error) => port.postMessage({ trouble: serializeError(error) } satisfies FromStoreThread);
    opened = openSqlite(file, { onError }, 2);
  } catch (error) {
    port.postMessage({ failed: serializeError(error) } satisfies FromStoreThread);
    port.close();
    return;
  }
  const { store, appendEncoded } = opened;
  const methods: Readonly<Record<string, Method>> = {
    ...(store as unknown as Record<string, Method>),
    appendEncoded: appendEncoded as unknown as Method,
  };
  let results: StoreResult[] = [];
  const flush = () => {
    if (results.length === 0) return;
    const out = results;
    results = [];
    port.postMessage({ results: out } satisfies FromStoreThread);
  };
  // One post per turn: the answers of a committed batch leave together.
  const answer = (result: StoreResult) => {
    if (results.push(result) === 1) setImmediate(flush);
  };
  port.on('message', (message: ToStoreThread) => {
    if ('close' in message) {
      void store.close().finally(() => {
        flush();
        port.postMessage({ closed: true } satisfies FromStoreThread);
        port.close();
      });
      return;
    }
    for (const [id, name, args] of message.calls) {
      const method = Object.hasOwn(methods, name) && name !== 'close' ? methods[name] : undefined;
      let result: Promise<unknown>;
      try {
        result = method ? method(...args) : Promise.reject(new Error(`The store has no method ${name}.`));
      } catch (error) {
        result = Promise.reject(error);
      }
      result.then(
        (value) => answer([id, 1, value]),
        (error: unknown) => answer([id, 0, serializeError(error)]),
      );
    }
  });
  port.postMessage({ ready: true } satisfies FromStoreThread);
}

const data = workerData as Partial<StoreWorkerData> | undefined;
if (!isMainThread && parentPort && data?.mark === STORE_WORKER_MARK && typeof data.file === 'string') serve(parentPort, data.file);
