/**
 * The SQLite store on a thread of its own.
 *
 * better-sqlite3 is synchronous: on the event loop, every statement, every
 * commit's page writes (two system calls per WAL page, about two pages per
 * message) and every cache miss stopped all connections while it ran — a
 * third of the server's time in the relay benchmark. Here the store runs in
 * a worker thread (`worker.ts`); this side forwards each call and resolves it
 * with the thread's answer. Calls of one event-loop turn travel as one
 * message, and their answers come back the same way. Durability, batching,
 * ordering and the conformance suite are the in-thread store's, unchanged:
 * the thread runs exactly {@link openSqliteStore}.
 *
 * `appendMessage` sends the message already encoded (its JSON is the row's
 * data anyway) and gets back its `seq` alone.
 */
import { Worker } from 'node:worker_threads';
import type { NewMessage } from '@parley/core/hub';
import type { ServerStore } from '../server-store.js';
import { asAppendResult, type Appended, storedCopy } from './hub-tables.js';
import { openDatabase, openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './open.js';
import {
  deserializeError,
  type FromStoreThread,
  type StoreCall,
  STORE_WORKER_MARK,
  STORE_WORKER_URL,
  type StoreWorkerData,
  type ToStoreThread,
} from './worker.js';

/** Every method of the store but `close`, forwarded as it is. */
const FORWARDED = [
  'getSite',
  'listSites',
  'saveSite',
  'getAgent',
  'listAgents',
  'saveAgent',
  'deleteAgent',
  'listGroups',
  'saveGroup',
  'deleteGroup',
  'getVisitor',
  'saveVisitor',
  'savePageView',
  'listPageViews',
  'getSession',
  'saveSession',
  'listSessions',
  'countAcceptedSince',
  'listMessages',
  'lastSeq',
  'saveOfflineMessage',
  'listOfflineMessages',
  'getOfflineMessage',
  'findAgentByLogin',
  'listCanned',
  'getCanned',
  'saveCanned',
  'deleteCanned',
  'recordSignInFailure',
  'countSignInFailures',
  'clearSignInFailures',
  'lockSignIn',
  'signInLockedUntil',
  'appendLoginLog',
  'listLoginLog',
  'useTotpStep',
  'saveFile',
  'getFile',
  'deleteFile',
  'getForwarding',
  'saveForwarding',
] as const satisfies readonly (keyof ServerStore)[];

// Every method is forwarded: a method added to ServerStore and not listed here fails to compile.
type Unlisted = Exclude<keyof ServerStore, (typeof FORWARDED)[number] | 'appendMessage' | 'close'>;
const everyMethodForwarded: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodForwarded;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * {@link openSqliteStore} on a worker thread: the same store, with its
 * statements, commits and page writes off the event loop. The file is opened
 * and its schema brought up to date here first, synchronously, so a bad file
 * fails at once; an in-memory database stays on this thread. `close()` commits
 * what is queued and stops the thread.
 */
export function openThreadedSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  if (file === ':memory:') return openSqliteStore(file, options);
  // Held open until the thread has the file: its WAL and shared-memory files stay (with their modes).
  let placeholder: ReturnType<typeof openDatabase> | undefined = openDatabase(file);
  const releasePlaceholder = () => {
    placeholder?.close();
    placeholder = undefined;
  };
  const worker = startWorker({ mark: STORE_WORKER_MARK, file });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let outbox: StoreCall[] = [];
  let stopped: Error | undefined;
  let closing: Promise<void> | undefined;
  let resolveClosed: (() => void) | undefined;
  // Unreferenced while nothing is pending: an idle store must not keep a process alive.
  worker.unref();

  const stop = (error: Error) => {
    stopped ??= error;
    releasePlaceholder();
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
    resolveClosed?.();
  };

  worker.on('message', (message: FromStoreThread) => {
    if ('results' in message) {
      for (const [id, ok, value] of message.results) {
        const p = pending.get(id);
        if (!p) continue;
        pending.delete(id);
        if (ok) p.resolve(value);
        else p.reject(deserializeError(value as Parameters<typeof deserializeError>[0]));
      }
      if (pending.size === 0) worker.unref();
    } else if ('ready' in message) {
      releasePlaceholder();
    } else if ('trouble' in message) {
      options.onError?.(deserializeError(message.trouble));
    } else if ('failed' in message) {
      stop(deserializeError(message.failed));
    } else if ('closed' in message) {
      resolveClosed?.();
    }
  });
  worker.on('error', (error) => stop(error));
  worker.on('exit', (code) => stop(new Error(`The store thread stopped (exit code ${code}).`)));

  const flush = () => {
    if (outbox.length === 0 || stopped) return;
    const calls = outbox;
    outbox = [];
    worker.postMessage({ calls } satisfies ToStoreThread);
  };

  function call(method: string, args: readonly unknown[]): Promise<unknown> {
    if (closing || stopped) return Promise.reject(stopped ?? new Error('The store is closed.'));
    return new Promise((resolve, reject) => {
      const id = ++nextId;
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      // One message per turn of the event loop, however many calls it made.
      if (outbox.push([id, method, args]) === 1) setImmediate(flush);
    });
  }

  const forwarded = Object.fromEntries(FORWARDED.map((method) => [method, (...args: unknown[]) => call(method, args)]));
  return {
    file,
    ...(forwarded as unknown as Omit<ServerStore, 'appendMessage' | 'close'>),
    appendMessage(message: NewMessage) {
      // Copied now: the caller may change its object before the answer comes.
      const copy = storedCopy(message);
      const args = [message.sessionId, message.clientId, message.text, JSON.stringify(message)];
      return call('appendEncoded', args).then((appended) => asAppendResult(copy, appended as Appended));
    },
    close() {
      closing ??= (async () => {
        if (stopped) return;
        flush();
        worker.ref();
        const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
        worker.postMessage({ close: true } satisfies ToStoreThread);
        await closed;
        await worker.terminate();
        releasePlaceholder();
      })();
      return closing;
    },
  };
}

/** Starts the thread on `worker.ts` (or, in development, on the TypeScript source through tsx). */
function startWorker(workerData: StoreWorkerData): Worker {
  if (!STORE_WORKER_URL.endsWith('.ts')) return new Worker(new URL(STORE_WORKER_URL), { workerData });
  // Running from source: tsx's loader does not reach worker threads (Node 20), so the thread registers it first.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(STORE_WORKER_URL)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
