/**
 * Group commit: the writes that arrive while the disk is busy share one
 * SQLite transaction and one fsync.
 *
 * A busy hub issues many small writes at once (a message, its session, a
 * visitor). They are queued; the queue is committed as one transaction on
 * `setImmediate`, then made durable by {@link Durability.sync} (an fsync of
 * the WAL on libuv's thread pool, see `wal-sync.ts`) while the event loop
 * carries on. Writes that arrive during that fsync wait in the queue, and the
 * whole queue is committed the moment it returns: one transaction and one
 * fsync per disk round trip, however many writes, and a write never waits for
 * more than the fsync in progress plus its own. Each write resolves only once
 * the transaction holding it is committed and on disk.
 *
 * With `inFlight: 2` (the store's own thread, where commits cost no one else
 * anything), the next batch is committed while the previous one's fsync runs,
 * so a batch's turn is the longer of its commit and the fsync rather than
 * their sum. An fsync makes every commit before it durable: when one returns,
 * every batch committed before it resolves, in order.
 *
 * Each operation runs in its own savepoint inside the batch, so one failing
 * operation (a constraint, a bug) rejects alone and the others still commit;
 * an operation of one statement needs none (a failing statement undoes
 * itself), which spares two statements per message. Before a commit the
 * batcher may wait for a checkpoint to finish (`hold`, see `checkpointer.ts`).
 *
 * Reads see every earlier write, and only what is durable: a read runs at once
 * when nothing is queued or being made durable; otherwise it joins the queue
 * and resolves with the batch. (A read could otherwise return a message that
 * a power cut would then undo, after a client had been sent it.) The hub's
 * message path does no reads.
 */
import type Database from 'better-sqlite3';
import type { Durability } from './wal-sync.js';

/** Runs store operations against one connection, batching writes. */
export interface Batcher {
  /** Runs `op` inside the next batch transaction, in a savepoint of its own; resolves once it is committed and durable. */
  write<T>(op: () => T): Promise<T>;
  /**
   * {@link write} for an `op` that changes the database with one statement at
   * most: a failing statement undoes its own changes, so it needs no savepoint.
   */
  writeStatement<T>(op: () => T): Promise<T>;
  /** Runs `op` after every write queued before it, seeing only durable data. */
  read<T>(op: () => T): Promise<T>;
  /** Commits what is queued, waits until it is durable, and refuses anything later. */
  close(): Promise<void>;
}

/** How an operation runs in a batch. */
const READ = 0;
const WRITE = 1;
const STATEMENT = 2;
type Kind = typeof READ | typeof WRITE | typeof STATEMENT;

interface Pending {
  readonly op: () => unknown;
  readonly kind: Kind;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export interface BatcherOptions {
  /** Makes committed batches durable (see `wal-sync.ts`). */
  readonly durability: Durability;
  /** Called after each batch of writes is durable (to checkpoint soon). */
  readonly committed?: () => void;
  /** Before each commit: a promise to wait for first (a checkpoint that lets the WAL start over), if any. */
  readonly hold?: () => Promise<void> | undefined;
  /** Batches committed and waiting for their fsync at most (1 or 2). Default 1. */
  readonly inFlight?: number;
  /** When to commit what was queued; injectable for tests. Default `setImmediate`. */
  readonly schedule?: (run: () => void) => void;
}

interface Committed {
  /** 1, 2, 3 … in commit order. */
  readonly seq: number;
  readonly ops: readonly Pending[];
  readonly outcomes: readonly Outcome[];
}

/** Creates a {@link Batcher} over `db`. */
export function createBatcher(db: Database.Database, options: BatcherOptions): Batcher {
  const { durability, committed, hold } = options;
  const schedule = options.schedule ?? setImmediate;
  const maxInFlight = Math.max(1, options.inFlight ?? 1);
  let queue: Pending[] = [];
  /** Writes in the queue (the rest are reads). */
  let queuedWrites = 0;
  let scheduled = false;
  /** Committed batches waiting for an fsync, oldest first. */
  let committedBatches: Committed[] = [];
  let commits = 0;
  /** The fsyncs running now. */
  const syncs = new Set<Promise<void>>();
  /** Set while commits wait for a checkpoint. */
  let holding: Promise<void> | undefined;
  let closed = false;
  let closing = false;

  // A transaction function called inside another one runs as a savepoint.
  const inSavepoint = db.transaction((op: () => unknown) => op());
  const batch = db.transaction((ops: readonly Pending[]) =>
    ops.map((p): Outcome => {
      try {
        return { ok: true, value: p.kind === WRITE ? inSavepoint(p.op) : p.op() };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  const settle = (ops: readonly Pending[], outcomes: readonly Outcome[]) =>
    ops.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) p.resolve(outcome.value);
      else p.reject(outcome?.error);
    });

  /** Commits the queue; undefined when the commit itself failed (every operation is rejected then). */
  function commit(): { ops: Pending[]; outcomes: Outcome[] } | undefined {
    const ops = queue;
    queue = [];
    const writes = queuedWrites;
    queuedWrites = 0;
    if (writes === 0) {
      // Only reads, queued behind a batch that is durable now: no transaction needed.
      settle(ops, ops.map(runRead));
      return undefined;
    }
    try {
      // IMMEDIATE takes the write lock up front: no upgrade deadlock if another process writes.
      return { ops, outcomes: batch.immediate(ops) };
    } catch (error) {
      // The commit failed (disk full, lock timeout): nothing in the batch is stored.
      for (const p of ops) p.reject(error);
      return undefined;
    }
  }

  /** Commits the queue, then fsyncs; the next batch is committed once fewer than `inFlight` fsyncs run. */
  function step(): void {
    scheduled = false;
    if (!ready()) return;
    const held = hold?.();
    if (held) {
      holding = held.then(() => {
        holding = undefined;
        kick();
      });
      return;
    }
    const done = commit();
    if (!done) return kick();
    committedBatches.push({ seq: ++commits, ...done });
    // Everything committed so far: this fsync, once it returns, covers all of it.
    const covered = commits;
    let synced = () => {};
    const sync = new Promise<void>((resolve) => (synced = resolve));
    syncs.add(sync);
    durability.sync((error) => {
      syncs.delete(sync);
      const after = committedBatches.findIndex((b) => b.seq > covered);
      const batches = after < 0 ? committedBatches : committedBatches.slice(0, after);
      committedBatches = after < 0 ? [] : committedBatches.slice(after);
      // Answered in order, failed operations too; none counts as stored if the fsync failed.
      for (const b of batches) settle(b.ops, error ? b.outcomes.map((o) => (o.ok ? { ok: false, error } : o)) : b.outcomes);
      synced();
      committed?.();
      kick();
    });
    kick();
  }

  function kick(): void {
    if (scheduled || !ready()) return;
    scheduled = true;
    schedule(step);
  }

  /** Whether the queue may be committed now: room for another fsync, and reads only once all is durable. */
  function ready(): boolean {
    if (holding || closing || queue.length === 0) return false;
    return queuedWrites === 0 ? syncs.size === 0 : syncs.size < maxInFlight;
  }

  function enqueue<T>(op: () => T, kind: Kind): Promise<T> {
    if (closed) return Promise.reject(new Error('The store is closed.'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ op, kind, resolve: resolve as (value: unknown) => void, reject });
      if (kind !== READ) queuedWrites++;
      kick();
    });
  }

  return {
    write: (op) => enqueue(op, WRITE),
    writeStatement: (op) => enqueue(op, STATEMENT),
    read<T>(op: () => T): Promise<T> {
      if (closed) return Promise.reject(new Error('The store is closed.'));
      if (queue.length > 0 || syncs.size > 0 || holding) return enqueue(op, READ);
      try {
        return Promise.resolve(op());
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      closing = true;
      while (holding || syncs.size > 0) await Promise.all([holding, ...syncs]);
      const done = commit();
      if (done) {
        try {
          durability.syncNow();
          settle(done.ops, done.outcomes);
        } catch (error) {
          for (const p of done.ops) p.reject(error);
        }
      }
      durability.close();
    },
  };
}

function runRead(p: Pending): Outcome {
  try {
    return { ok: true, value: p.op() };
  } catch (error) {
    return { ok: false, error };
  }
}

