/**
 * A reader that stops reading is closed with 4009 once the server holds
 * `bufferedBytes` for it; its client reconnects, resumes from its last seq
 * and ends up with every message once, in order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AgentClient, connectTo, createMemoryStorage } from '@parley/core';
import { WebSocket } from 'ws';

import { makeVisitor, until } from './support/clients.js';
import { startTestServer } from './support/server.js';

/** `ws`'s WebSocket, remembering every socket made, so the test can stop one reading. */
const made: WebSocket[] = [];
class TappedWebSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    made.push(this);
  }
}
const rawSocket = (ws: WebSocket) => (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;

describe('slow consumer', () => {
  it('is closed with 4009, then resumes from its last seq without losing or doubling a message', async () => {
    const t = await startTestServer({
      limits: { bufferedBytes: 256 * 1024 },
      rateLimits: { frames: { perSecond: 2_000, burst: 2_000 } },
    });
    const ada = new AgentClient({
      token: await t.signIn('ada'),
      transport: connectTo(t.url, { role: 'agent', WebSocket: TappedWebSocket, transport: 'websocket' }),
      storage: createMemoryStorage(),
      timing: { backoffBaseMs: 50, backoffMaxMs: 200, pingIntervalMs: 60_000, pongTimeoutMs: 60_000 },
    });
    ada.connect();
    const sol = makeVisitor(t.url, { kind: 'websocket' });
    try {
      await until('connected', () => ada.status === 'open' && sol.status === 'open');
      const session = await sol.requestChat({ name: 'Sol' });
      await until('Ada has the chat', () => ada.sessionById(session.id) !== undefined);
      const first = made.at(-1)!;
      let firstClose: number | undefined;
      first.on('close', (code) => (firstClose = code));
      rawSocket(first).pause();

      const total = 600;
      const body = 'x'.repeat(9_000);
      for (let i = 1; i <= total; i++) sol.send(`${i} ${body}`);
      const slow = () => t.log.entries.some((e) => e.msg === 'transport.slow-consumer');
      await until('the server gives up on the reader', slow, 30_000);
      rawSocket(first).resume();
      await until('Ada reconnected on a new socket', () => made.length > 1 && ada.status === 'open', 15_000);
      await until('Ada has every message', () => ada.messages(session.id).filter((m) => m.author.kind === 'visitor').length === total, 30_000);
      const got = ada.messages(session.id).filter((m) => m.author.kind === 'visitor');
      assert.deepEqual(
        got.map((m) => Number.parseInt(m.text!, 10)),
        Array.from({ length: total }, (_, i) => i + 1),
        'every message once, in order',
      );
      assert.equal(firstClose, 4009, 'the reader was told why');
    } finally {
      sol.close();
      ada.close();
      await t.close();
    }
  });
});
