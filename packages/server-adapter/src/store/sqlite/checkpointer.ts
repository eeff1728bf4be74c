/**
 * Checkpoints off the event loop.
 *
 * In WAL mode every commit appends pages to the WAL, and a checkpoint copies
 * them back into the database file (and fsyncs both). SQLite runs it inside
 * the `COMMIT` that crosses `wal_autocheckpoint` pages — on the event loop,
 * since better-sqlite3 is synchronous: under load that was most of a
 * commit's cost. Here a worker thread with a connection of its own runs
 * `PRAGMA wal_checkpoint(PASSIVE)` a little after writes, at most every
 * `intervalMs`, while the main connection keeps writing (WAL lets a
 * checkpoint and a writer run at once). A PASSIVE checkpoint never waits for
 * the writer and changes nothing a reader or writer sees; durability is the
 * WAL's and the batcher's business, not the checkpoint's.
 *
 * A WAL starts over from its beginning only when a writer finds it wholly
 * checkpointed; under a steady stream of commits a checkpoint running beside
 * them never finds that, and the WAL would grow for as long as the stream
 * lasts. So once the WAL is past `restartFrames`, the batcher holds its next
 * commit while a checkpoint runs ({@link Checkpointer.blocking}): that one
 * copies everything, and the next commit starts the WAL over. Only writes
 * wait, for one checkpoint, every `restartFrames` frames; the event loop goes on.
 *
 * The main connection keeps a higher `wal_autocheckpoint` as a backstop: if
 * the worker dies, SQLite checkpoints there as it always did.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Runs checkpoints of one database in a worker thread. */
export interface Checkpointer {
  /** Writes were committed: a checkpoint follows, within `intervalMs` of the last one. */
  nudge(): void;
  /**
   * While a checkpoint runs and the WAL is past `restartFrames`: resolves when
   * it is done (commit after that, so the WAL starts over). Otherwise undefined.
   */
  blocking(): Promise<void> | undefined;
  /** Stops the worker (after a checkpoint in progress); later nudges do nothing. */
  close(): Promise<void>;
}

export interface CheckpointerOptions {
  /** The least time between two checkpoints' starts. Default 100 ms. */
  readonly intervalMs?: number;
  /** WAL frames (pages) past which commits wait for a checkpoint to finish, so the WAL starts over. Default 8 000 (32 MB). */
  readonly restartFrames?: number;
  /** A checkpoint failed, or the worker did; SQLite's own checkpoints go on. */
  readonly onError: (error: Error) => void;
}

// CommonJS run by the worker (`eval`): no module of ours to resolve at run time.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, frames: result.log, copied: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message || error) });
  }
});
`;

type Reply = { readonly ok: true; readonly frames: number; readonly copied: number } | { readonly ok: false; readonly message: string };

/** A {@link Checkpointer} for the database file at `file`; the worker starts at the first checkpoint. */
export function createCheckpointer(file: string, options: CheckpointerOptions): Checkpointer {
  const intervalMs = options.intervalMs ?? 100;
  const restartFrames = options.restartFrames ?? 8_000;
  let worker: Worker | undefined;
  /** The checkpoint in progress, resolved when it ends (well or not). */
  let running: { readonly done: Promise<void>; readonly end: () => void } | undefined;
  /** Frames in the WAL at the last checkpoint. */
  let frames = 0;
  let wanted = false;
  let failed = false;
  let closed = false;
  let lastStart = -Infinity;
  let timer: NodeJS.Timeout | undefined;

  function start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Plain Node: the parent's flags (a TypeScript loader in development) are not needed here.
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file }, execArgv: [] });
    w.unref();
    w.on('message', (reply: Reply) => {
      if (reply.ok) frames = reply.frames;
      else options.onError(new Error(`checkpoint failed: ${reply.message}`));
      ended();
      if (wanted) nudge();
    });
    w.on('error', (error) => {
      // SQLite's own checkpoints (the backstop) take over.
      failed = true;
      options.onError(error);
      ended();
    });
    return w;
  }

  function ended(): void {
    const current = running;
    running = undefined;
    current?.end();
  }

  function run(): void {
    timer = undefined;
    if (closed || failed || running || !wanted) return;
    wanted = false;
    let end = () => {};
    const done = new Promise<void>((resolve) => (end = resolve));
    running = { done, end };
    lastStart = performance.now();
    worker ??= start();
    worker.postMessage('checkpoint');
  }

  function nudge(): void {
    if (closed || failed) return;
    wanted = true;
    if (running || timer) return;
    // Even the first waits: a store that closes right away (tests, CLI) never starts a thread.
    const wait = Math.max(lastStart + intervalMs - performance.now(), lastStart === -Infinity ? intervalMs : 0);
    timer = setTimeout(run, wait);
    timer.unref();
  }

  return {
    nudge,
    blocking: () => (running && frames >= restartFrames ? running.done : undefined),
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      const w = worker;
      if (!w || failed) return;
      const exited = new Promise((resolve) => w.once('exit', resolve));
      // Unreferenced while it serves (it must not keep a process alive), but close waits for it.
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}
