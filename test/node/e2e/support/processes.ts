/**
 * Child processes for the end-to-end tests: the incremental build of
 * `npm start`, the reference server's CLI on a free port with a data folder of
 * the test's own, and `npm start`'s script itself. Each waits for a line it
 * can see, never for a fixed time, and says what it saw when it gives up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** The folders `npm start` serves (scripts/start.mjs, STATIC_MOUNTS). */
export const STATIC_MOUNTS: Readonly<Record<string, string>> = {
  '/': 'examples/demo-site',
  '/console': 'examples/agent-console',
  '/no-server': 'examples/no-server',
  '/frameworks': 'examples/frameworks',
  '/widget': 'packages/widget/dist/cdn',
};

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** A running child whose output is kept, with ways to wait for a line and to end it. */
export interface Child {
  readonly process: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output (also one already printed). */
  waitFor(pattern: RegExp, what: string, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends the signal and resolves with the exit code (or signal) once it is gone. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | NodeJS.Signals>;
}

export function startChild(args: readonly string[], options: { env?: NodeJS.ProcessEnv; name: string }): Child {
  const child = spawn(process.execPath, [...args], { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const wake of waiters) wake();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const wake of waiters) wake();
      resolve(code ?? signal ?? -1);
    });
  });
  const tail = () => text.split('\n').slice(-25).join('\n');
  return {
    process: child,
    output: () => text,
    waitFor(pattern, what, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) return finish(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null) {
            return finish(() => reject(new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}) before ${what}. Its output ended with:\n${tail()}`)));
          }
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`${options.name}: no sign of ${what} after ${timeoutMs / 1000} s. Its output ended with:\n${tail()}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** `npm start`'s build step alone (`node scripts/start.mjs --build-only`): builds what is stale. */
export async function buildForStart(): Promise<void> {
  const build = startChild(['scripts/start.mjs', '--build-only'], { name: 'the build (scripts/start.mjs --build-only)' });
  const code = await new Promise<number | null>((resolve) => build.process.on('exit', resolve));
  if (code !== 0) throw new Error(`scripts/start.mjs --build-only failed (exit ${code}):\n${build.output().split('\n').slice(-30).join('\n')}`);
}

/** The reference server's CLI, run from source, serving the demo pages like `npm start`. */
export interface CliServer extends Child {
  readonly url: string;
  readonly port: number;
}

export async function startCli(options: { port: number; dataDir: string }): Promise<CliServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const statics = Object.entries(STATIC_MOUNTS).flatMap(([path, dir]) => ['--static', `${path}=${join(ROOT, dir)}`]);
  const env = { ...process.env };
  for (const name of ['PORT', 'HOST', 'PARLEY_DATA', 'PARLEY_PUBLIC_URL', 'PARLEY_STATIC', 'PARLEY_DEMO']) delete env[name];
  const child = startChild(
    [
      '--conditions=source',
      '--import',
      'tsx',
      'packages/server-adapter/src/cli.ts',
      '--port',
      String(options.port),
      '--data',
      options.dataDir,
      // Its own origin, so the demo's page push allows this port (the demo allows 8080 by default).
      '--public-url',
      url,
      ...statics,
    ],
    { env, name: `the server on port ${options.port}` },
  );
  await child.waitFor(/Parley is listening on (\S+)/, 'listening', 60_000);
  return { ...child, url, port: options.port };
}
