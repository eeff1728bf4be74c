/**
 * The WebSocket gateway in front of a real hub: handshake checks, frame
 * limits, heartbeat, back-pressure, rate limits and shutdown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { openRaw } from './support/raw-socket.js';
import { SHOP, SITE, startGateways, visitorHello, type GatewayRig } from './support/gateways.js';

describe('WebSocket gateway', () => {
  let rig: GatewayRig;
  before(async () => {
    rig = await startGateways({
      limits: { frameBytes: 8 * 1024, bufferedBytes: 64 * 1024 },
      rateLimits: { frames: { perSecond: 20, burst: 10 }, refusals: { perSecond: 1, burst: 5 } },
      heartbeatMs: 200,
    });
  });
  after(() => rig.close());

  it('hands the socket to the hub: hello gets a welcome, with the request’s IP and Origin', async () => {
    const socket = openRaw(rig.wsUrl(), { origin: SHOP, 'user-agent': 'test-agent' });
    assert.equal(await socket.opened, 101);
    socket.send(visitorHello());
    const welcome = await socket.next((f) => f.type === 'welcome');
    assert.equal(welcome.role, 'visitor');
    socket.ws.close();
  });

  it('refuses before the handshake: bad target 400, unknown site 404, other paths 404', async () => {
    assert.equal(await openRaw(rig.wsUrl('nothing=1')).opened, 400);
    assert.equal(await openRaw(rig.wsUrl('siteId=site_nope')).opened, 404);
    assert.equal(await openRaw(`${rig.base.replace('http', 'ws')}/elsewhere`).opened, 404);
  });

  it('answers binary and malformed frames with errors and carries on', async () => {
    const socket = openRaw(rig.wsUrl());
    await socket.opened;
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await socket.next((f) => f.type === 'error' && f.code === 'bad_frame');
    socket.send('{"type":');
    await socket.next((f, ) => f.type === 'error' && String(f.message).includes('JSON'));
    socket.send(visitorHello());
    await socket.next((f) => f.type === 'welcome');
    socket.ws.close();
  });

  it('closes with 1009 a frame beyond frameBytes', async () => {
    const socket = openRaw(rig.wsUrl());
    await socket.opened;
    socket.send(JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(9 * 1024) }));
    assert.equal((await socket.waitClose()).code, 1009);
  });

  it('closes with 1008 a hello for another site or role than the URL says', async () => {
    const other = openRaw(rig.wsUrl());
    await other.opened;
    other.send(visitorHello('site_other'));
    await other.next((f) => f.type === 'error' && f.code === 'forbidden' && f.fatal === true);
    assert.equal((await other.waitClose()).code, 1008);
    const agentOnVisitor = openRaw(rig.wsUrl());
    await agentOnVisitor.opened;
    agentOnVisitor.send({ type: 'hello', v: 1, role: 'agent', token: await rig.agentToken() });
    assert.equal((await agentOnVisitor.waitClose()).code, 1008);
  });

  it('refuses frames over the rate with rate_limited (answering their ref), then closes with 4008', async () => {
    const socket = openRaw(rig.wsUrl());
    await socket.opened;
    socket.send(visitorHello());
    await socket.next((f) => f.type === 'welcome');
    for (let i = 0; i < 40; i++) socket.send({ type: 'session.history', ref: `r${i}`, sessionId: 'ses_x' });
    const refused = await socket.next((f) => f.type === 'error' && f.code === 'rate_limited' && f.ref !== undefined);
    assert.match(String(refused.ref), /^r\d+$/);
    assert.equal((await socket.waitClose()).code, 4008);
    assert.ok(socket.frames.some((f) => f.code === 'rate_limited' && f.fatal === true));
  });

  it('terminates a connection that stops answering pings (heartbeat)', async () => {
    const socket = openRaw(rig.wsUrl());
    await socket.opened;
    const before = rig.ws.size;
    // A dead peer: nothing it receives is read, so no pong goes back.
    (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const start = Date.now();
    while (rig.ws.size >= before && Date.now() - start < 3_000) await new Promise((r) => setTimeout(r, 20));
    assert.ok(rig.ws.size < before, 'the dead connection was dropped');
    socket.ws.terminate();
  });

  it('closes a reader that does not keep up with 4009, bounding what the server buffers; the close reaches it', async () => {
    // A far end that answers "flood" with 200 frames of 16 KiB each.
    const own = await startGateways({
      limits: { bufferedBytes: 64 * 1024 },
      closeGraceMs: 10_000,
      accept(transport) {
        transport.listen({
          message(data) {
            if (data === 'flood') for (let i = 0; i < 200; i++) transport.send(JSON.stringify({ type: 'pong', t: i, pad: 'x'.repeat(16 * 1024) }));
          },
        });
      },
    });
    try {
      const reader = openRaw(own.wsUrl());
      await reader.opened;
      (reader.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const slow = () => own.log.entries.some((e) => e.msg === 'transport.slow-consumer');
      for (let i = 0; i < 50 && !slow(); i++) {
        reader.ws.send('flood');
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(slow(), 'the server noticed the slow consumer');
      assert.equal(own.ws.size, 1, 'the socket is closing, not yet gone');
      (reader.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      const close = await reader.waitClose(10_000);
      assert.equal(close.code, 4009);
      // It stopped sending at the cap: far fewer frames arrived than were asked for.
      assert.ok(reader.frames.length < 50 * 200, `${reader.frames.length} frames`);
    } finally {
      await own.close();
    }
  });

  it('closes every socket with 1001 on shutdown', async () => {
    const own = await startGateways();
    const socket = openRaw(own.wsUrl());
    await socket.opened;
    await own.close();
    assert.deepEqual(await socket.waitClose(), { code: 1001, reason: 'server shutting down' });
    assert.equal(SITE, 'site_t');
  });
});
