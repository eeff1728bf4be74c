/**
 * The embedded default store: one SQLite file through better-sqlite3.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ServerStore } from '../server-store.js';
import { createBatcher } from './batcher.js';
import { createHubTables } from './hub-tables.js';
import { migrate } from './migrations.js';
import { createServerTables } from './server-tables.js';

/** A {@link ServerStore} in a SQLite file. */
export interface SqliteStore extends ServerStore {
  /** The database file. */
  readonly file: string;
  /** Commits queued writes and closes the file; later calls reject. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens (creating it and its folder when missing) a SQLite store and brings
 * its schema up to date.
 *
 * Durability: WAL with `synchronous = FULL`. WAL alone (even with `NORMAL`)
 * already survives `kill -9` of this process, because committed pages are in
 * the OS's cache; `FULL` also fsyncs the WAL at every commit, so an
 * acknowledged message survives a power cut or kernel crash too. The cost is
 * one fsync per commit, and the batcher commits once per event-loop tick, not
 * once per write, which keeps that cost small under load.
 */
export function openSqliteStore(file: string): SqliteStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Another process (a CLI, a second node during a rolling restart) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const batcher = createBatcher(db);
  let closed = false;
  return {
    file,
    ...createHubTables(db, batcher),
    ...createServerTables(db, batcher),
    async close() {
      if (closed) return;
      closed = true;
      batcher.close();
      // Folds the WAL back into the main file so a copied .db file is complete on its own.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
