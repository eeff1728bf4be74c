/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version`
 * records how many have run; opening an older file runs the rest, each in its
 * own transaction. Never edit a shipped migration — append a new one.
 *
 * Records are kept whole as JSON in `data` (what the caller saved comes back
 * exactly), with the columns queries filter on copied out beside it. Tables
 * that list "oldest first" have an `INTEGER PRIMARY KEY` because VACUUM may
 * renumber implicit rowids.
 */
import type Database from 'better-sqlite3';

/** One schema step. */
export interface Migration {
  /** What it adds, for the error message when it fails. */
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order; migration `i` brings `user_version` from `i` to `i + 1`. */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'hub records',
    sql: `
      CREATE TABLE sites (pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);

      CREATE TABLE agents (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, login TEXT NOT NULL, data TEXT NOT NULL);
      CREATE UNIQUE INDEX agents_site_login ON agents (site_id, login);

      CREATE TABLE agent_groups (pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX agent_groups_site ON agent_groups (site_id);

      CREATE TABLE visitors (site_id TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (site_id, id)) WITHOUT ROWID;

      CREATE TABLE page_views (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, visitor_id TEXT NOT NULL,
        at INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX page_views_visitor ON page_views (site_id, visitor_id, at);

      CREATE TABLE sessions (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, visitor_id TEXT NOT NULL,
        agent_id TEXT, state TEXT NOT NULL, created_at INTEGER NOT NULL, accepted_at INTEGER, data TEXT NOT NULL);
      CREATE INDEX sessions_site_created ON sessions (site_id, created_at);
      CREATE INDEX sessions_site_agent ON sessions (site_id, agent_id, accepted_at);
      CREATE INDEX sessions_site_visitor ON sessions (site_id, visitor_id);

      -- No foreign key to sessions: the hub may append before the session row is written.
      CREATE TABLE messages (
        session_id TEXT NOT NULL, seq INTEGER NOT NULL, client_id TEXT NOT NULL,
        text_folded TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
      -- Makes re-sending a clientId idempotent, whatever the code above it does.
      CREATE UNIQUE INDEX messages_client_id ON messages (session_id, client_id);

      CREATE TABLE offline_messages (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, created_at INTEGER NOT NULL,
        replied INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX offline_messages_site ON offline_messages (site_id, created_at);
    `,
  },
  {
    name: 'server records',
    sql: `
      CREATE TABLE canned (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, title TEXT NOT NULL,
        search_folded TEXT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX canned_site ON canned (site_id, title);

      CREATE TABLE sign_in_failures (site_id TEXT NOT NULL, login TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX sign_in_failures_login ON sign_in_failures (site_id, login, at);
      CREATE TABLE sign_in_locks (
        site_id TEXT NOT NULL, login TEXT NOT NULL, until INTEGER NOT NULL, PRIMARY KEY (site_id, login)) WITHOUT ROWID;

      CREATE TABLE login_log (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, agent_id TEXT,
        at INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE INDEX login_log_site ON login_log (site_id, at);

      CREATE TABLE totp_steps (
        agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE, step INTEGER NOT NULL,
        PRIMARY KEY (agent_id, step)) WITHOUT ROWID;

      CREATE TABLE files (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, session_id TEXT, data TEXT NOT NULL);
      CREATE INDEX files_session ON files (session_id);

      CREATE TABLE forwarding (
        site_id TEXT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE, data TEXT NOT NULL);
    `,
  },
  {
    // Clustered by (session_id, seq), every message landed in its session's own page: a
    // busy hub with many chats dirtied several random pages per message (3.6 WAL frames,
    // splits half-filling pages) and checkpoints copied them all. Appended in arrival
    // order, rows fill pages one after another; only the two small index entries land at
    // random. About 2.2 frames per message, and half the commit and checkpoint time.
    name: 'messages in arrival order',
    sql: `
      CREATE TABLE messages_by_arrival (
        pk INTEGER PRIMARY KEY, session_id TEXT NOT NULL, seq INTEGER NOT NULL, client_id TEXT NOT NULL,
        text_folded TEXT NOT NULL, data TEXT NOT NULL);
      INSERT INTO messages_by_arrival (session_id, seq, client_id, text_folded, data)
        SELECT session_id, seq, client_id, text_folded, data FROM messages ORDER BY session_id, seq;
      DROP TABLE messages;
      ALTER TABLE messages_by_arrival RENAME TO messages;
      CREATE UNIQUE INDEX messages_seq ON messages (session_id, seq);
      -- Makes re-sending a clientId idempotent, whatever the code above it does.
      CREATE UNIQUE INDEX messages_client_id ON messages (session_id, client_id);
    `,
  },
];

/** The schema version a store of this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings a database up to `target` (default: the latest) by running the
 * missing migrations in order, each atomically with its version bump.
 * Refuses a file written by newer code rather than guess at its schema.
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`The database is at schema version ${current}; this Parley knows up to ${SCHEMA_VERSION}. Upgrade Parley.`);
  }
  for (let version = current; version < target; version++) {
    const migration = MIGRATIONS[version];
    if (!migration) break;
    db.transaction(() => {
      try {
        db.exec(migration.sql);
      } catch (cause) {
        throw new Error(`Migration ${version + 1} (${migration.name}) failed: ${(cause as Error).message}`, { cause });
      }
      // PRAGMA takes no bound parameters; version is an integer we computed.
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
