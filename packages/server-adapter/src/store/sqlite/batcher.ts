/**
 * Groups the writes of one event-loop tick into one SQLite transaction.
 *
 * A commit costs an fsync; a busy hub issues many small writes at once (a
 * message, its session, a visitor). Queueing them and committing on
 * `setImmediate` pays the fsync once per tick instead of once per write,
 * without weakening the promise: each write resolves only after the
 * transaction holding it has committed.
 *
 * Each operation runs in its own savepoint inside the batch, so one failing
 * operation (a constraint, a bug) rejects alone and the others still commit.
 * Reads see every earlier write: while writes are queued, a read joins the
 * queue behind them; otherwise it runs at once.
 */
import type Database from 'better-sqlite3';

/** Runs store operations against one connection, batching writes per tick. */
export interface Batcher {
  /** Runs `op` inside the next batch transaction; resolves after its commit. */
  write<T>(op: () => T): Promise<T>;
  /** Runs `op` after every write queued before it. */
  read<T>(op: () => T): Promise<T>;
  /** Commits what is queued now, synchronously. */
  flush(): void;
  /** Commits what is queued and refuses anything later. */
  close(): void;
}

interface Pending {
  readonly op: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Creates a {@link Batcher} over `db`; `schedule` is injectable for tests. */
export function createBatcher(db: Database.Database, schedule: (run: () => void) => void = setImmediate): Batcher {
  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;

  // A transaction function called inside another one runs as a savepoint.
  const inSavepoint = db.transaction((op: () => unknown) => op());
  const batch = db.transaction((ops: readonly Pending[]) =>
    ops.map((p): Outcome => {
      try {
        return { ok: true, value: inSavepoint(p.op) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const ops = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock up front: no upgrade deadlock if another process writes.
      outcomes = batch.immediate(ops);
    } catch (error) {
      // The commit itself failed (disk full, lock timeout): nothing in the batch is durable.
      for (const p of ops) p.reject(error);
      return;
    }
    ops.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) p.resolve(outcome.value);
      else p.reject(outcome?.error);
    });
  }

  function enqueue<T>(op: () => T): Promise<T> {
    if (closed) return Promise.reject(new Error('The store is closed.'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    });
  }

  return {
    write: enqueue,
    read<T>(op: () => T): Promise<T> {
      if (closed) return Promise.reject(new Error('The store is closed.'));
      if (queue.length > 0) return enqueue(op);
      try {
        return Promise.resolve(op());
      } catch (error) {
        return Promise.reject(error);
      }
    },
    flush,
    close() {
      flush();
      closed = true;
    },
  };
}
