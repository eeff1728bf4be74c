/**
 * WebSocket blocked — refused by the server, or held forever by a proxy — and
 * the fallback transport carries the chat over long-poll; the clients notice
 * nothing but latency.
 */
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { after, before, describe, it } from 'node:test';

import type { AgentClient, FallbackKind, VisitorClient } from '@parley/core';

import { makeAgent, makeVisitor, until } from './support/clients.js';
import { signIn, startTestServer, type TestServer } from './support/server.js';

/** An HTTP proxy that forwards requests but never answers an upgrade, like a proxy that does not speak WebSocket. */
function startHangingProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const hung: Duplex[] = [];
  const proxy: Server = createServer((req, res) => {
    const upstream = request({ hostname, port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  proxy.on('upgrade', (_req, socket: Duplex) => void hung.push(socket));
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        async close() {
          for (const socket of hung) socket.destroy();
          proxy.closeAllConnections();
          await new Promise((done) => proxy.close(done));
        },
      }),
    ),
  );
}

async function chatWorks(url: string, token: string): Promise<{ visitorKinds: FallbackKind[]; agentOk: boolean }> {
  const visitorKinds: FallbackKind[] = [];
  const agent: AgentClient = makeAgent(url, token, { kind: 'auto' });
  const visitor: VisitorClient = makeVisitor(url, { kind: 'auto', onConnected: (kind) => visitorKinds.push(kind) });
  try {
    await until('both connected', () => agent.status === 'open' && visitor.status === 'open', 15_000);
    const session = await visitor.requestChat({ name: 'Fay' });
    visitor.send('Can you hear me?');
    await until('the agent hears', () => agent.messages(session.id).some((m) => m.text === 'Can you hear me?'));
    agent.send(session.id, 'Loud and clear.');
    await until('the visitor hears', () => visitor.messages(session.id).some((m) => m.text === 'Loud and clear.'));
    // The next attempt goes straight to long-poll.
    visitor.close();
    visitor.connect();
    await until('reconnected', () => visitor.status === 'open');
    await visitor.end();
    return { visitorKinds, agentOk: true };
  } finally {
    visitor.close();
    agent.close();
  }
}

describe('fallback to long-poll when WebSocket is blocked', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ transports: { websocket: false } });
  });
  after(() => t.close());

  it('the server refuses upgrades: the chat runs over long-poll', async () => {
    const { visitorKinds } = await chatWorks(t.url, await t.signIn('ada'));
    assert.deepEqual(visitorKinds, ['long-poll', 'long-poll']);
  });

  it('a proxy holds upgrades forever: after the open timeout, the chat runs over long-poll', async () => {
    const open = await startTestServer();
    const proxy = await startHangingProxy(open.url);
    try {
      const started = Date.now();
      const { visitorKinds } = await chatWorks(proxy.url, await signIn(proxy.url, 'ada'));
      assert.deepEqual(visitorKinds, ['long-poll', 'long-poll']);
      assert.ok(Date.now() - started >= 2_000, 'it waited for the WebSocket first');
    } finally {
      await proxy.close();
      await open.close();
    }
  });
});
