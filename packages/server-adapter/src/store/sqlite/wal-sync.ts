/**
 * Making commits durable off the event loop.
 *
 * With `synchronous = FULL`, SQLite fsyncs the WAL inside `COMMIT`, and
 * better-sqlite3 runs `COMMIT` on the main thread: every commit stops the
 * event loop for an fsync (1.5–3 ms on a typical virtual disk), and nothing
 * else — frames, timers, other commits — runs meanwhile. Instead the store
 * commits with `synchronous = NORMAL` (the commit reaches the OS at once:
 * durable against a crash of this process) and then fsyncs the WAL file
 * itself, on libuv's thread pool, before any write of the batch resolves. The
 * fsync covers every frame written to the WAL before it was called, so once it
 * returns the batch is as durable as with `FULL` (power loss, kernel crash),
 * and the event loop keeps serving while the disk works.
 *
 * SQLite still fsyncs on its own where `NORMAL` does (the WAL header when the
 * WAL restarts, and checkpoints), so recovery after power loss finds the WAL
 * whole up to the last fsync'd commit — a prefix of the commits, never a hole.
 */
import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';

/** Makes what was committed so far durable. */
export interface Durability {
  /** Calls `done` once every commit made before this call is on stable storage (or with the error). */
  sync(done: (error: Error | null) => void): void;
  /** The same, synchronously (closing). */
  syncNow(): void;
  /** Releases the file handle. */
  close(): void;
}

/** Commits are durable as they are made (`synchronous = FULL`, or an in-memory database). */
export const COMMIT_IS_DURABLE: Durability = {
  sync: (done) => done(null),
  syncNow: () => {},
  close: () => {},
};

/**
 * fsyncs the WAL file of the database at `databaseFile` (SQLite names it
 * `<file>-wal`; it exists once the database has been read in WAL mode). The
 * WAL is never deleted while the database is open, so one handle serves until
 * {@link Durability.close}.
 */
export function walDurability(databaseFile: string): Durability {
  // Read-write: Windows flushes only handles opened for writing; nothing is written through it.
  const fd = openSync(`${databaseFile}-wal`, 'r+');
  let closed = false;
  return {
    sync(done) {
      fsync(fd, (error) => done(error));
    },
    syncNow() {
      fsyncSync(fd);
    },
    close() {
      if (closed) return;
      closed = true;
      // Synchronous: the caller closes the database right after.
      closeSync(fd);
    },
  };
}
