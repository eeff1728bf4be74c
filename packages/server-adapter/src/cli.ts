#!/usr/bin/env node
/**
 * `parley-server`: runs {@link createParleyServer} from flags and environment
 * (see `parley-server --help`). Logs are JSON lines on stdout; the demo's
 * sign-in details and start-up problems go to stderr, for people.
 *
 * In development: `node --conditions=source --import tsx packages/server-adapter/src/cli.ts`.
 */
import { readConfig, USAGE } from './config.js';
import { formatCredentials } from './demo.js';
import { createParleyServer } from './server.js';

async function main(): Promise<number> {
  const config = readConfig(process.argv.slice(2), process.env);
  if (config.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (config.kind === 'error') {
    process.stderr.write(`parley-server: ${config.message}\n\n${USAGE}`);
    return 2;
  }
  const server = createParleyServer(config.options);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`parley-server: ${signal} again, exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`parley-server: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const { url, demo } = await server.listen();
  process.stderr.write(`\nParley is listening on ${url}\n`);
  if (demo) process.stderr.write(`\n${formatCredentials(demo)}\n`);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const message = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `the port is already in use (${(error as Error).message})` : String((error as Error)?.stack ?? error);
    process.stderr.write(`parley-server: could not start: ${message}\n`);
    process.exit(1);
  },
);
