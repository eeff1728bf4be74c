import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';

import type { Transport, TransportCloseEvent } from '../../../src/transport/transport.js';
import { createWebSocketTransport } from '../../../src/transport/websocket.js';

/** Everything a transport reported, in order, and a way to wait for the next thing. */
function record(transport: Transport) {
  const events: { type: string; data?: string; close?: TransportCloseEvent; error?: unknown }[] = [];
  const waiters: { type: string; resolve: () => void }[] = [];
  const push = (event: (typeof events)[number]) => {
    events.push(event);
    for (const w of waiters.filter((w) => w.type === event.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  transport.listen({
    open: () => push({ type: 'open' }),
    message: (data) => push({ type: 'message', data }),
    close: (close) => push({ type: 'close', close }),
    error: (error) => push({ type: 'error', error }),
  });
  return {
    events,
    of: (type: string) => events.filter((e) => e.type === type),
    /** Resolves once `count` events of `type` have been seen. */
    until(type: string, count = 1): Promise<void> {
      return new Promise((resolve) => {
        const check = () => (events.filter((e) => e.type === type).length >= count ? resolve() : wait());
        const wait = () => waiters.push({ type, resolve: check });
        check();
      });
    },
  };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createWebSocketTransport over ws', () => {
  let server: WebSocketServer;
  let url: string;
  /** What the server saw, per connection: text received and how the client closed. */
  const seen: { received: string[]; closed?: { code: number; reason: string }; socket: WebSocket }[] = [];

  before(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket) => {
      const entry: (typeof seen)[number] = { received: [], socket };
      seen.push(entry);
      socket.on('message', (data, isBinary) => {
        const text = data.toString();
        entry.received.push(text);
        if (isBinary) return;
        const [command, code, ...reason] = text.split(' ');
        if (command === 'close') socket.close(Number(code), reason.join(' '));
        else if (command === 'drop') socket.terminate();
        else if (command === 'binary') {
          socket.send(Buffer.from('not text'), { binary: true });
          socket.send('after binary');
        } else socket.send(text);
      });
      socket.on('close', (code, reason) => {
        entry.closed = { code, reason: reason.toString() };
      });
    });
  });

  after(async () => {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  const connect = () => {
    const transport = createWebSocketTransport(url, { WebSocket })();
    return { transport, log: record(transport) };
  };

  it('opens, and echoes text both ways', async () => {
    const { transport, log } = connect();
    await log.until('open');
    transport.send('hello');
    transport.send('{"type":"ping","t":1}');
    await log.until('message', 2);
    assert.deepEqual(
      log.of('message').map((e) => e.data),
      ['hello', '{"type":"ping","t":1}'],
    );
    transport.close();
    await log.until('close');
  });

  it('drops what is sent before open', async () => {
    const { transport, log } = connect();
    transport.send('too early');
    await log.until('open');
    transport.send('in time');
    await log.until('message');
    assert.deepEqual(
      log.of('message').map((e) => e.data),
      ['in time'],
    );
    transport.close();
    await log.until('close');
    assert.deepEqual(seen.at(-1)?.received, ['in time']);
  });

  it('ignores frames that are not text', async () => {
    const { transport, log } = connect();
    await log.until('open');
    transport.send('binary');
    await log.until('message');
    await tick();
    assert.deepEqual(
      log.of('message').map((e) => e.data),
      ['after binary'],
    );
    transport.close();
  });

  it("reports the server's close code and reason, once", async () => {
    const { transport, log } = connect();
    await log.until('open');
    transport.send('close 4001 token expired');
    await log.until('close');
    await tick();
    assert.deepEqual(log.of('close').map((e) => e.close), [{ code: 4001, reason: 'token expired' }]);
    transport.send('after close');
    transport.close();
    await tick();
    assert.equal(log.of('close').length, 1);
    assert.deepEqual(seen.at(-1)?.received, ['close 4001 token expired']);
  });

  it('closes with its own code and reason, once, and sends nothing after', async () => {
    const { transport, log } = connect();
    await log.until('open');
    const socket = seen.at(-1);
    transport.close(4009, 'slow consumer');
    transport.close(1000, 'again');
    transport.send('after close');
    await log.until('close');
    await tick(50);
    assert.deepEqual(log.of('close').map((e) => e.close), [{ code: 4009, reason: 'slow consumer' }]);
    assert.deepEqual(socket?.closed, { code: 4009, reason: 'slow consumer' });
    assert.deepEqual(socket?.received, []);
  });

  it('puts codes a browser would refuse on the wire as 1000, and reports the caller’s code locally', async () => {
    const { transport, log } = connect();
    await log.until('open');
    const socket = seen.at(-1);
    transport.close(1001, 'x'.repeat(200));
    await log.until('close');
    await tick(50);
    assert.equal(log.of('close')[0]?.close?.code, 1001);
    assert.equal(socket?.closed?.code, 1000);
    assert.equal(socket?.closed?.reason, 'x'.repeat(123));
  });

  it('reports 1006 when the server drops the connection', async () => {
    const { transport, log } = connect();
    await log.until('open');
    transport.send('drop');
    await log.until('close');
    await tick();
    assert.deepEqual(log.of('close').map((e) => e.close?.code), [1006]);
    assert.equal(log.of('message').length, 0);
  });

  it('reports 1006 to every client when the whole server dies', async () => {
    const dying = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => dying.once('listening', () => resolve()));
    const port = (dying.address() as AddressInfo).port;
    const clients = [0, 1, 2].map(() => {
      const transport = createWebSocketTransport(`ws://127.0.0.1:${port}`, { WebSocket })();
      return record(transport);
    });
    await Promise.all(clients.map((log) => log.until('open')));
    for (const socket of dying.clients) socket.terminate();
    await new Promise((resolve) => dying.close(resolve));
    await Promise.all(clients.map((log) => log.until('close')));
    await tick();
    for (const log of clients) assert.deepEqual(log.of('close').map((e) => e.close?.code), [1006]);
  });

  it('reports error then a 1006 close when nobody listens', async () => {
    const closed = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => closed.once('listening', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const log = record(createWebSocketTransport(`ws://127.0.0.1:${port}`, { WebSocket })());
    await log.until('close');
    await tick();
    assert.deepEqual(
      log.events.map((e) => e.type),
      ['error', 'close'],
    );
    assert.equal(log.of('close')[0]?.close?.code, 1006);
  });

  it('reports a socket that cannot be created as error then a 1006 close, without throwing', async () => {
    const log = record(createWebSocketTransport('not a url', { WebSocket })());
    await log.until('close');
    await tick();
    assert.deepEqual(
      log.events.map((e) => e.type),
      ['error', 'close'],
    );
    assert.equal(log.of('close')[0]?.close?.code, 1006);
  });

  it('closes once, with the caller’s code, when closed before it opened', async () => {
    const { transport, log } = connect();
    transport.close(4002, 'version');
    await log.until('close');
    await tick(50);
    assert.deepEqual(
      log.events.map((e) => [e.type, e.close]),
      [['close', { code: 4002, reason: 'version' }]],
    );
  });

  it('stops calling a listener once it unsubscribed', async () => {
    const transport = createWebSocketTransport(url, { WebSocket })();
    const log = record(transport);
    const calls: string[] = [];
    const unsubscribe = transport.listen({ message: (data) => calls.push(data) });
    await log.until('open');
    transport.send('one');
    await log.until('message');
    unsubscribe();
    transport.send('two');
    await log.until('message', 2);
    assert.deepEqual(calls, ['one']);
    transport.close();
  });

  it('needs a WebSocket class where there is no global one', { skip: typeof globalThis.WebSocket !== 'undefined' }, () => {
    assert.throws(() => createWebSocketTransport(url), TypeError);
  });
});
