// Starts a benchmark server in its own process (so its CPU and memory are its
// own) and talks to it over IPC.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Forks servers/<name>.mjs; resolves once it is ready, with its details and a way to probe and stop it. */
export function startServer(name, env = {}) {
  const child = fork(`${here}servers/${name}.mjs`, [], {
    // BENCH_SERVER_FLAGS: more node flags for the servers, e.g. --trace-gc.
    execArgv: ['--conditions=source', '--import', 'tsx', '--expose-gc', ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies = [];
  const waiters = [];
  let exited;
  child.on('message', (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(message);
    else replies.push(message);
  });
  child.once('exit', (code, signal) => {
    exited = new Error(`the ${name} server exited (${signal ?? code})`);
    for (const waiter of waiters.splice(0)) waiter.reject(exited);
  });
  const next = () =>
    new Promise((resolve, reject) => {
      if (replies.length > 0) return resolve(replies.shift());
      if (exited) return reject(exited);
      waiters.push({ resolve, reject });
    });
  return next().then((info) => ({
    info,
    pid: child.pid,
    /** Memory after a full GC in the server process. */
    async memory() {
      child.send({ type: 'measure' });
      return next();
    },
    /** Starts the server's CPU profiler. */
    async profileStart() {
      child.send({ type: 'profile-start' });
      return next();
    },
    /** Stops it and writes the profile to `file`. */
    async profileStop(file) {
      child.send({ type: 'profile-stop', file });
      return next();
    },
    /** Starts sampling the server's allocations. */
    async allocStart() {
      child.send({ type: 'alloc-start' });
      return next();
    },
    /** Stops it and writes the sampled allocations (a .heapprofile) to `file`. */
    async allocStop(file) {
      child.send({ type: 'alloc-stop', file });
      return next();
    },
    /** Starts measuring the server's event-loop delay. */
    async loopDelayStart() {
      child.send({ type: 'loop-delay-start' });
      return next();
    },
    /** Stops it: `{ p50, p99, max }` in ms. */
    async loopDelayStop() {
      child.send({ type: 'loop-delay-stop' });
      return next();
    },
    /** Writes a heap snapshot of the server (after a GC) to `file`. */
    async heapSnapshot(file) {
      child.send({ type: 'heap-snapshot', file });
      return next();
    },
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  }));
}
