import { expect, waitUntil } from '@open-wc/testing';

import type { Transport, TransportCloseEvent } from '../../src/transport/transport.js';
import { createWebSocketTransport } from '../../src/transport/websocket.js';
import { uniqueTag, wsTestServer } from './support/ws-test-server.js';

/** What a transport reported, in order. */
function record(transport: Transport) {
  const events: { type: string; data?: string; close?: TransportCloseEvent }[] = [];
  transport.listen({
    open: () => events.push({ type: 'open' }),
    message: (data) => events.push({ type: 'message', data }),
    close: (close) => events.push({ type: 'close', close }),
    error: () => events.push({ type: 'error' }),
  });
  const of = (type: string) => events.filter((e) => e.type === type);
  return {
    events,
    of,
    until: (type: string, count = 1) => waitUntil(() => of(type).length >= count, `no ${type} event`, { timeout: 5000 }),
  };
}

async function connect(name: string) {
  const tag = uniqueTag(name);
  const transport = createWebSocketTransport(await wsTestServer.url(tag))();
  const log = record(transport);
  return { tag, transport, log };
}

const tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createWebSocketTransport in the browser', () => {
  it('uses the global WebSocket, opens, and echoes text', async () => {
    const { transport, log } = await connect('echo');
    transport.send('before open');
    await log.until('open');
    transport.send('hello');
    transport.send('{"type":"ping","t":1}');
    await log.until('message', 2);
    expect(log.of('message').map((e) => e.data)).to.deep.equal(['hello', '{"type":"ping","t":1}']);
    transport.close();
    await log.until('close');
  });

  it('ignores binary frames', async () => {
    const { tag, transport, log } = await connect('binary');
    await log.until('open');
    await wsTestServer.sendBinary(tag, 'not text');
    transport.send('text');
    await log.until('message');
    await tick();
    expect(log.of('message').map((e) => e.data)).to.deep.equal(['text']);
    transport.close();
  });

  it("reports the server's close code and reason, once", async () => {
    const { tag, transport, log } = await connect('server-close');
    await log.until('open');
    await wsTestServer.close(tag, 4001, 'token expired');
    await log.until('close');
    transport.close();
    transport.send('after close');
    await tick();
    expect(log.of('close').map((e) => e.close)).to.deep.equal([{ code: 4001, reason: 'token expired' }]);
    expect((await wsTestServer.seen(tag)).received).to.deep.equal([]);
  });

  it('closes with its own code and reason, once', async () => {
    const { tag, transport, log } = await connect('client-close');
    await log.until('open');
    transport.close(4009, 'slow consumer');
    transport.close(1000, 'again');
    await log.until('close');
    const seen = await wsTestServer.seen(tag, { closed: true });
    expect(seen.closed).to.deep.equal({ code: 4009, reason: 'slow consumer' });
    expect(log.of('close').map((e) => e.close)).to.deep.equal([{ code: 4009, reason: 'slow consumer' }]);
  });

  it('does not throw on a code the browser refuses, and reports it locally', async () => {
    const { tag, transport, log } = await connect('refused-code');
    await log.until('open');
    expect(() => transport.close(1001, 'é'.repeat(100))).not.to.throw();
    await log.until('close');
    const seen = await wsTestServer.seen(tag, { closed: true });
    expect(seen.closed?.code).to.equal(1000);
    expect(seen.closed?.reason).to.equal('é'.repeat(61));
    expect(log.of('close')[0]?.close?.code).to.equal(1001);
  });

  it('reports 1006 when the server drops the connection', async () => {
    const { tag, log } = await connect('drop');
    await log.until('open');
    await wsTestServer.drop(tag);
    await log.until('close');
    await tick();
    expect(log.of('close').map((e) => e.close?.code)).to.deep.equal([1006]);
  });

  it('reports error then a 1006 close when nobody listens', async () => {
    const log = record(createWebSocketTransport('ws://127.0.0.1:9/nobody')());
    await log.until('close');
    await tick();
    expect(log.events.map((e) => e.type)).to.deep.equal(['error', 'close']);
    expect(log.of('close')[0]?.close?.code).to.equal(1006);
  });

  it('reports a URL the browser refuses as error then a 1006 close, without throwing', async () => {
    const log = record(createWebSocketTransport('ftp://127.0.0.1/nope')());
    await log.until('close');
    expect(log.events.map((e) => e.type)).to.deep.equal(['error', 'close']);
    expect(log.of('close')[0]?.close?.code).to.equal(1006);
  });

  it('closes once, with its own code, when closed before it opened', async () => {
    const { transport, log } = await connect('early-close');
    transport.close(4002, 'version');
    await log.until('close');
    await tick(200);
    expect(log.events).to.deep.equal([{ type: 'close', close: { code: 4002, reason: 'version' } }]);
  });
});
