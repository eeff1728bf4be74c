// Starts a benchmark server in its own process (so its CPU and memory are its
// own) and talks to it over IPC.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Forks servers/<name>.mjs; resolves once it is ready, with its details and a way to probe and stop it. */
export function startServer(name, env = {}) {
  const child = fork(`${here}servers/${name}.mjs`, [], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      '--expose-gc',
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies = [];
  const waiters = [];
  child.on('message', (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else replies.push(message);
  });
  const next = () =>
    new Promise((resolve, reject) => {
      if (replies.length > 0) return resolve(replies.shift());
      waiters.push(resolve);
      child.once('exit', (code) => reject(new Error(`${name} server exited (${code})`)));
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
    /** Writes a heap snapshot of the server (after a GC) to `file`. */
    async heapSnapshot(file) {
      child.send({ type: 'heap-snapshot', file });
      return next();
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  }));
}
