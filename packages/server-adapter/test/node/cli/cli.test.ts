/**
 * `parley-server` as a person runs it: first start on an empty folder prints
 * the demo's sign-in details, which sign in; a later start reuses the data
 * and prints nothing; SIGTERM shuts down cleanly; flags are checked.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

import { AgentClient, connectTo, createMemoryStorage } from '@parley/core';
import { WebSocket } from 'ws';

import { readConfig } from '../../../src/config.js';
import { freePort } from '../integration/support/child.js';
import { signIn, until } from './support.js';

const CLI = fileURLToPath(new URL('../../../src/cli.ts', import.meta.url));
const NODE_ARGS = ['--conditions=source', '--import', 'tsx', CLI];

interface Running {
  readonly child: ChildProcess;
  stderr: string;
  stdout: string;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const running: Running = { child, stderr: '', stdout: '' };
  child.stderr!.on('data', (chunk: Buffer) => (running.stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => (running.stdout += chunk.toString()));
  return running;
}

async function stop(running: Running): Promise<number | null> {
  if (running.child.exitCode !== null) return running.child.exitCode;
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  running.child.kill('SIGTERM');
  return exited;
}

describe('parley-server CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('on an empty folder: creates the demo, prints sign-in details once, and they sign in', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = start(['--data', dataDir, '--port', String(port)]);
    try {
      await until('the credentials are printed', () => /password: \S+[\s\S]*password: \S+/.test(first.stderr), 30_000);
      const logins = [...first.stderr.matchAll(/login: (\S+)\s+password: (\S+)/g)].map((m) => ({ login: m[1]!, password: m[2]! }));
      assert.deepEqual(logins.map((l) => l.login), ['admin', 'agent']);
      assert.match(first.stderr, /site id: site_demo/);
      assert.match(first.stdout, /"msg":"server.listening"/, 'structured logs on stdout');
      const file = join(dataDir, 'demo-credentials.txt');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(statSync(join(dataDir, 'secret')).mode & 0o777, 0o600);
      for (const { login, password } of logins) assert.ok(readFileSync(file, 'utf8').includes(password), `${login} is in the file`);

      for (const { login, password } of logins) {
        const token = await signIn(url, 'site_demo', login, password);
        const agent = new AgentClient({ token, transport: connectTo(url, { role: 'agent', WebSocket }), storage: createMemoryStorage() });
        agent.connect();
        await until(`${login} is connected`, () => agent.status === 'open' && agent.agent !== undefined);
        assert.ok(agent.agent?.name, 'welcomed as itself');
        agent.close();
      }
      assert.equal(await stop(first), 0, 'SIGTERM shuts down cleanly');
      assert.match(first.stdout, /"msg":"server.closed"/);

      // A later start reuses the data: nothing printed, the same password still works.
      const second = start(['--data', dataDir, '--port', String(port)]);
      try {
        await until('listening again', () => second.stderr.includes('listening on'), 30_000);
        assert.doesNotMatch(second.stderr, /password:/);
        await signIn(url, 'site_demo', logins[0]!.login, logins[0]!.password);
      } finally {
        assert.equal(await stop(second), 0);
      }
    } finally {
      await stop(first);
    }
  });

  it('prints help, and refuses unknown flags and bad values', () => {
    const help = spawnSync(process.execPath, [...NODE_ARGS, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: parley-server/);
    const bad = spawnSync(process.execPath, [...NODE_ARGS, '--bogus'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bogus/);
  });

  it('reads flags before environment variables before defaults', () => {
    const fromEnv = readConfig([], { PORT: '9000', HOST: '0.0.0.0', PARLEY_DATA: '/srv/parley', PARLEY_CONSOLE_ORIGINS: 'https://a.example, https://b.example' });
    assert.equal(fromEnv.kind, 'run');
    if (fromEnv.kind !== 'run') return;
    assert.equal(fromEnv.options.port, 9000);
    assert.equal(fromEnv.options.host, '0.0.0.0');
    assert.equal(fromEnv.options.dataDir, '/srv/parley');
    assert.deepEqual(fromEnv.options.allowedConsoleOrigins, ['https://a.example', 'https://b.example']);
    const flags = readConfig(['--port', '7000', '--data', './d', '--static', '/=site', '--no-demo'], { PORT: '9000' });
    assert.ok(flags.kind === 'run' && flags.options.port === 7000 && flags.options.demo === false);
    assert.deepEqual(flags.kind === 'run' && flags.options.serveStatic, { '/': 'site' });
    const defaults = readConfig([], {});
    assert.ok(defaults.kind === 'run' && defaults.options.port === 8080 && defaults.options.host === '127.0.0.1' && defaults.options.dataDir === './data');
    assert.equal(readConfig(['--port', 'eighty'], {}).kind, 'error');
    assert.equal(readConfig(['--static', 'nopath'], {}).kind, 'error');
  });
});
