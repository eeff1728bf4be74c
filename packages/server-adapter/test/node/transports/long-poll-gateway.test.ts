/**
 * The long-poll gateway in front of a real hub, driven by core's long-poll
 * client and by hand-made requests for the wire details.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createLongPollTransport, type Transport, type TransportCloseEvent } from '@parley/core';

import { SHOP, startGateways, visitorHello, type GatewayRig } from './support/gateways.js';

function watch(transport: Transport) {
  const frames: Record<string, unknown>[] = [];
  let opened = false;
  let closed: TransportCloseEvent | undefined;
  transport.listen({
    open: () => (opened = true),
    message: (data) => frames.push(JSON.parse(data) as Record<string, unknown>),
    close: (event) => (closed = event),
  });
  const until = async (predicate: () => boolean, ms = 5_000) => {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > ms) throw new Error(`timed out; frames ${JSON.stringify(frames.map((f) => f.type))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { frames, until, opened: () => opened, closed: () => closed };
}

/** A fetch that adds an Origin header, as a browser would. */
const fetchFrom = (origin: string) => (url: string, init: { method: string; headers: Record<string, string>; body?: string }) =>
  fetch(url, { ...init, headers: { ...init.headers, origin } });

describe('long-poll gateway', () => {
  let rig: GatewayRig;
  before(async () => {
    rig = await startGateways({ pollMs: 300, channelTimeoutMs: 600, limits: { frameBytes: 8 * 1024 } });
  });
  after(() => rig.close());

  it('carries hello and welcome, with CORS headers for the page’s origin', async () => {
    const t = createLongPollTransport(rig.pollUrl(), { fetch: fetchFrom(SHOP) })();
    const w = watch(t);
    await w.until(w.opened);
    t.send(visitorHello());
    await w.until(() => w.frames.some((f) => f.type === 'welcome'));
    t.send(JSON.stringify({ type: 'ping', t: 7 }));
    await w.until(() => w.frames.some((f) => f.type === 'pong' && f.t === 7));
    t.close();
    const open = await fetch(rig.pollUrl(), { method: 'POST', headers: { origin: SHOP } });
    assert.equal(open.headers.get('access-control-allow-origin'), SHOP);
    assert.equal(open.headers.get('cache-control'), 'no-store');
  });

  it('refuses a foreign Origin with 403 and no CORS header; the client closes with 1008', async () => {
    const refused = await fetch(rig.pollUrl(), { method: 'POST', headers: { origin: 'http://evil.test' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const w = watch(createLongPollTransport(rig.pollUrl(), { fetch: fetchFrom('http://evil.test') })());
    await w.until(() => w.closed() !== undefined);
    assert.equal(w.closed()?.code, 1008);
    assert.equal(w.opened(), false);
  });

  it('keeps frames until a poll acknowledges them: the same cursor gets the same frames again', async () => {
    const open = (await (await fetch(rig.pollUrl(), { method: 'POST' })).json()) as { id: string };
    const channel = `${rig.base}/parley/poll/${open.id}`;
    const sent = await fetch(channel, { method: 'POST', body: JSON.stringify({ seq: 1, frames: [visitorHello()] }) });
    assert.deepEqual(await sent.json(), { received: 1 });
    // The same send again (its answer was "lost"): not delivered twice.
    const again = await fetch(channel, { method: 'POST', body: JSON.stringify({ seq: 1, frames: [visitorHello()] }) });
    assert.deepEqual(await again.json(), { received: 1 });
    const first = (await (await fetch(`${channel}?cursor=0`)).json()) as { cursor: number; frames: string[] };
    assert.ok(first.cursor >= 1);
    assert.equal(JSON.parse(first.frames[0]!).type, 'welcome');
    const repeat = (await (await fetch(`${channel}?cursor=0`)).json()) as { cursor: number; frames: string[] };
    assert.deepEqual(repeat, first);
    // Acknowledged: an empty answer once the poll time is up.
    const empty = (await (await fetch(`${channel}?cursor=${first.cursor}`)).json()) as { cursor: number; frames: string[] };
    assert.deepEqual(empty, { cursor: first.cursor, frames: [] });
    assert.equal((await fetch(`${channel}?cursor=${first.cursor + 5}`)).status, 400);
    assert.equal((await fetch(`${channel}/close`, { method: 'POST' })).status, 204);
    assert.equal((await fetch(`${channel}?cursor=0`)).status, 200, 'a closed channel still answers for a while');
  });

  it('answers a frame beyond frameBytes with 413 and closes with 1009', async () => {
    const t = createLongPollTransport(rig.pollUrl())();
    const w = watch(t);
    await w.until(w.opened);
    t.send(JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(9 * 1024) }));
    await w.until(() => w.closed() !== undefined);
    assert.equal(w.closed()?.code, 1009);
  });

  it('answers malformed frames with an error and carries on', async () => {
    const t = createLongPollTransport(rig.pollUrl())();
    const w = watch(t);
    await w.until(w.opened);
    t.send('{"type":');
    await w.until(() => w.frames.some((f) => f.type === 'error' && f.code === 'bad_frame'));
    t.send(visitorHello());
    await w.until(() => w.frames.some((f) => f.type === 'welcome'));
    t.close();
  });

  it('expires a channel nobody polls; the hub hears 1006', async () => {
    const seen: TransportCloseEvent[] = [];
    const own = await startGateways({
      pollMs: 200,
      channelTimeoutMs: 300,
      accept: (transport) => void transport.listen({ close: (e) => seen.push(e) }),
    });
    try {
      const open = await fetch(own.pollUrl(), { method: 'POST' });
      assert.equal(open.status, 200);
      const start = Date.now();
      while (seen.length === 0 && Date.now() - start < 8_000) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(seen, [{ code: 1006, reason: 'long-poll channel expired' }]);
      assert.equal(own.poll.size, 0);
    } finally {
      await own.close();
    }
  });

  it('closes a channel that does not poll its frames with 4009 and tells it so', async () => {
    const own = await startGateways({
      limits: { bufferedBytes: 64 * 1024 },
      accept(transport) {
        transport.listen({
          message(data) {
            if (data === 'flood') for (let i = 0; i < 100; i++) transport.send(JSON.stringify({ type: 'pong', t: i, pad: 'x'.repeat(1024) }));
          },
        });
      },
    });
    try {
      const { id } = (await (await fetch(own.pollUrl(), { method: 'POST' })).json()) as { id: string };
      const channel = `${own.base}/parley/poll/${id}`;
      await fetch(channel, { method: 'POST', body: JSON.stringify({ seq: 1, frames: ['flood'] }) });
      const answer = (await (await fetch(`${channel}?cursor=0`)).json()) as { frames: string[]; close?: TransportCloseEvent };
      assert.deepEqual(answer.close, { code: 4009, reason: 'slow consumer' });
      assert.deepEqual(answer.frames, []);
    } finally {
      await own.close();
    }
  });

  it('answers held polls with a 1001 close on shutdown', async () => {
    const own = await startGateways({ pollMs: 10_000 });
    const t = createLongPollTransport(own.pollUrl())();
    const w = watch(t);
    await w.until(w.opened);
    await new Promise((r) => setTimeout(r, 50));
    await own.close();
    await w.until(() => w.closed() !== undefined);
    assert.deepEqual(w.closed(), { code: 1001, reason: 'server shutting down' });
  });
});
