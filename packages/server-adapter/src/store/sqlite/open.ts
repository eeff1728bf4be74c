/**
 * The embedded default store: one SQLite file through better-sqlite3.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ServerStore } from '../server-store.js';
import { createBatcher } from './batcher.js';
import { createCheckpointer } from './checkpointer.js';
import { createHubTables, type HubTables } from './hub-tables.js';
import { migrate } from './migrations.js';
import { createServerTables } from './server-tables.js';
import { COMMIT_IS_DURABLE, type Durability, walDurability } from './wal-sync.js';

/** A {@link ServerStore} in a SQLite file. */
export interface SqliteStore extends ServerStore {
  /** The database file. */
  readonly file: string;
  /** Commits queued writes and closes the file; later calls reject. Safe to call twice. */
  close(): Promise<void>;
}

/** How {@link openSqliteStore} reports trouble that does not fail a call. */
export interface SqliteStoreOptions {
  /** A background checkpoint failed (SQLite then checkpoints on the store's own connection, as a backstop). */
  readonly onError?: (error: Error) => void;
}

/** SQLite's page cache, in KiB (32 MiB). */
const CACHE_KIB = 32 * 1024;

/** WAL pages after which SQLite checkpoints on the main thread, should the worker fall behind (64 MB). */
const BACKSTOP_CHECKPOINT_PAGES = 16_000;

/**
 * Opens (creating it and its folder when missing) a SQLite store and brings
 * its schema up to date.
 *
 * Durability: a write resolves only once it is fsync'd — as with WAL and
 * `synchronous = FULL`, an acknowledged message survives `kill -9`, a power
 * cut or a kernel crash. The fsync is not SQLite's, though: SQLite commits
 * with `synchronous = NORMAL` (the commit reaches the OS, nothing blocks) and
 * the store fsyncs the WAL itself off the event loop, once per batch of
 * writes (see `wal-sync.ts` and `batcher.ts`). Where WAL is not available
 * (an in-memory database), commits use `synchronous = FULL`. Checkpoints run
 * in a worker thread (`checkpointer.ts`).
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  return openSqlite(file, options).store;
}

/** A store and what only the store thread needs of it (see `thread.ts`). Internal. */
export interface OpenedSqlite {
  readonly store: SqliteStore;
  readonly appendEncoded: HubTables['appendEncoded'];
}

/**
 * {@link openSqliteStore}, with the encoded append beside it. Internal.
 * `inFlight`: see `BatcherOptions` (2 on the store's own thread).
 */
export function openSqlite(file: string, options: SqliteStoreOptions = {}, inFlight = 1): OpenedSqlite {
  const { onError } = options;
  const db = openDatabase(file);
  let durability: Durability = COMMIT_IS_DURABLE;
  const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
  try {
    // The WAL file exists once the database has been read in WAL mode (openDatabase did).
    if (wal) durability = walDurability(resolve(file));
  } catch (error) {
    db.close();
    throw error;
  }
  const checkpointer = wal ? createCheckpointer(resolve(file), { onError: (error) => onError?.(error) }) : undefined;
  const batcher = createBatcher(db, { durability, committed: checkpointer?.nudge, hold: checkpointer?.blocking, inFlight });
  const hub = createHubTables(db, batcher);
  let closed = false;
  const store: SqliteStore = {
    file,
    ...hub.store,
    ...createServerTables(db, batcher),
    async close() {
      if (closed) return;
      closed = true;
      await batcher.close();
      await checkpointer?.close();
      // Folds the WAL back into the main file so a copied .db file is complete on its own.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
  return { store, appendEncoded: hub.appendEncoded };
}

/**
 * Opens the database file (creating it and its folder when missing), sets
 * the connection up and brings the schema up to date. Internal.
 */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    const wal = db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
    // NORMAL only where the WAL is fsync'd by walDurability before any write resolves.
    db.pragma(wal ? 'synchronous = NORMAL' : 'synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The pages a busy hub touches at once (the newest index pages of every open chat) outgrow
    // SQLite's default 2 MB cache; misses are re-read from the WAL or file at every write.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    // Another process (a CLI, a second node during a rolling restart) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    migrate(db);
    // Checkpoints run in a worker (see checkpointer.ts); SQLite's own, on this thread, are the backstop.
    if (wal) db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
