/**
 * The security matrix, against the real server with its default limits:
 * Origin checks before any handshake, size limits, malformed frames, forged
 * and expired tokens, a visitor reaching for another's session, and a flood
 * that is slowed, then cut, while another visitor's chat carries on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createTokenAuth } from '@parley/core/hub';

import { makeAgent, makeVisitor, until } from '../integration/support/clients.js';
import { AGENTS, SHOP_ORIGIN, SITE_ID, startTestServer, type TestServer } from '../integration/support/server.js';
import { openRaw, type RawSocket } from '../transports/support/raw-socket.js';

const EVIL = 'http://evil.test';

describe('security matrix', () => {
  let t: TestServer;
  let ws: (query?: string) => string;
  let secret: string;

  before(async () => {
    t = await startTestServer({ allowedConsoleOrigins: ['https://console.example'] });
    ws = (query = `siteId=${SITE_ID}`) => `${t.url.replace('http', 'ws')}/parley/ws?${query}`;
    secret = readFileSync(join(t.dataDir, 'secret'), 'utf8').trim();
  });
  after(() => t.close());

  /** A raw visitor socket that said hello and was welcomed. */
  async function welcomedVisitor(headers: Record<string, string> = { origin: SHOP_ORIGIN }): Promise<RawSocket> {
    const socket = openRaw(ws(), headers);
    assert.equal(await socket.opened, 101);
    socket.send({ type: 'hello', v: 1, role: 'visitor', siteId: SITE_ID });
    await socket.next((f) => f.type === 'welcome');
    return socket;
  }

  describe('Origin', () => {
    it('refuses a foreign page with 403 before the WebSocket handshake', async () => {
      assert.equal(await openRaw(ws(), { origin: EVIL }).opened, 403);
      assert.equal(await openRaw(ws(), { origin: SHOP_ORIGIN }).opened, 101);
    });

    it('refuses a foreign page on long-poll with 403 and no CORS header', async () => {
      const refused = await fetch(`${t.url}/parley/poll?siteId=${SITE_ID}`, { method: 'POST', headers: { origin: EVIL } });
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      const allowed = await fetch(`${t.url}/parley/poll?siteId=${SITE_ID}`, { method: 'POST', headers: { origin: SHOP_ORIGIN } });
      assert.equal(allowed.status, 200);
    });

    it('lets agents in from the server’s own origin and the console origins only', async () => {
      assert.equal(await openRaw(ws('role=agent'), { origin: SHOP_ORIGIN }).opened, 403);
      assert.equal(await openRaw(ws('role=agent'), { origin: EVIL }).opened, 403);
      assert.equal(await openRaw(ws('role=agent'), { origin: t.url }).opened, 101);
      assert.equal(await openRaw(ws('role=agent'), { origin: 'https://console.example' }).opened, 101);
    });

    it('closes a connection whose hello names another site or role than its URL (1008)', async () => {
      const socket = openRaw(ws(), { origin: SHOP_ORIGIN });
      await socket.opened;
      socket.send({ type: 'hello', v: 1, role: 'agent', token: 'x' });
      assert.equal((await socket.waitClose()).code, 1008);
    });
  });

  it('closes a frame beyond the size limit with 1009', async () => {
    const socket = await welcomedVisitor();
    socket.send({ type: 'page.view', url: 'http://shop.test/', title: 'x'.repeat(300 * 1024) });
    assert.equal((await socket.waitClose()).code, 1009);
  });

  it('answers malformed JSON with an error frame and carries on', async () => {
    const socket = await welcomedVisitor();
    socket.send('{"type": "ping", ');
    socket.send('[1,2,3]');
    socket.send('{"type":"no.such.thing"}');
    await socket.next((f) => f.type === 'error' && f.code === 'bad_frame');
    await socket.next((f) => f.type === 'error' && f.code === 'unknown_type');
    socket.send({ type: 'ping', t: 42 });
    await socket.next((f) => f.type === 'pong' && f.t === 42);
    assert.equal(socket.closed, undefined);
    socket.ws.close();
  });

  describe('tokens', () => {
    const expectRefused = async (socket: RawSocket) => {
      const error = await socket.next((f) => f.type === 'error');
      assert.equal(error.code, 'auth_failed');
      assert.equal(error.fatal, true);
      assert.equal((await socket.waitClose()).code, 4001);
    };

    it('refuses a forged or expired agent token: fatal auth_failed, close 4001', async () => {
      const good = await t.signIn('ada');
      const [body] = good.split('.');
      const forged = `${body}.${'A'.repeat(43)}`;
      const expired = await createTokenAuth({ secret }).issueAgentToken(SITE_ID, AGENTS.ada.id, -1_000);
      const otherSecret = await createTokenAuth({ secret: 'z'.repeat(40) }).issueAgentToken(SITE_ID, AGENTS.ada.id);
      for (const token of [forged, expired, otherSecret, 'not a token']) {
        const socket = openRaw(ws('role=agent'));
        await socket.opened;
        socket.send({ type: 'hello', v: 1, role: 'agent', token });
        await expectRefused(socket);
      }
    });

    it('refuses a forged or expired visitor token: fatal auth_failed, close 4001', async () => {
      const longAgo = Date.now() - 500 * 86_400_000;
      const expired = await createTokenAuth({ secret, clock: { now: () => longAgo, setTimeout: () => ({ __timer: true }), clearTimeout() {} } }).issueVisitorToken(SITE_ID, 'vis_someone');
      const forged = await createTokenAuth({ secret: 'q'.repeat(40) }).issueVisitorToken(SITE_ID, 'vis_someone');
      for (const token of [expired, forged]) {
        const socket = openRaw(ws(), { origin: SHOP_ORIGIN });
        await socket.opened;
        socket.send({ type: 'hello', v: 1, role: 'visitor', siteId: SITE_ID, token });
        await expectRefused(socket);
      }
    });
  });

  it('does not let a visitor read, write to or end another visitor’s session', async () => {
    const ada = makeAgent(t.url, await t.signIn('ada'), { kind: 'websocket' });
    const alice = makeVisitor(t.url, { kind: 'websocket' });
    try {
      await until('connected', () => ada.status === 'open' && alice.status === 'open');
      const session = await alice.requestChat({ name: 'Alice' });
      alice.send('my address is 1 Secret Lane');
      await until('stored', () => alice.messages(session.id).some((m) => m.seq !== undefined));

      const mallory = await welcomedVisitor();
      const attempts = [
        { type: 'session.history', ref: 'h', sessionId: session.id },
        { type: 'message.send', ref: 'm', sessionId: session.id, clientId: 'cli_mallory1', text: 'hi' },
        { type: 'session.end', ref: 'e', sessionId: session.id },
        { type: 'session.rate', ref: 'r', sessionId: session.id, score: 1 },
      ];
      for (const attempt of attempts) {
        mallory.send(attempt);
        const answer = await mallory.next((f) => f.ref === attempt.ref);
        assert.equal(answer.type, 'error', `${attempt.type} was refused`);
        assert.ok(['forbidden', 'not_found'].includes(String(answer.code)), `${attempt.type}: ${String(answer.code)}`);
      }
      assert.ok(!JSON.stringify(mallory.frames).includes('Secret Lane'), 'nothing of the session leaked');
      await until('the session is untouched', () => alice.session?.state === 'active');
      assert.ok(!ada.messages(session.id).some((m) => m.text === 'hi'));
      mallory.ws.close();
      await alice.end();
    } finally {
      alice.close();
      ada.close();
    }
  });

  it('slows a flood with rate_limited errors, then disconnects it (4008), while another visitor’s chat carries on', async () => {
    const ada = makeAgent(t.url, await t.signIn('ada'), { kind: 'websocket' });
    const calm = makeVisitor(t.url, { kind: 'websocket' });
    try {
      await until('connected', () => ada.status === 'open' && calm.status === 'open');
      const session = await calm.requestChat({ name: 'Calm' });
      const flooder = await welcomedVisitor();
      let flooding = true;
      const flood = (async () => {
        for (let i = 0; flooding && flooder.closed === undefined; i++) {
          flooder.send({ type: 'session.history', ref: `f${i}`, sessionId: 'ses_nope' });
          if (i % 20 === 0) await new Promise((r) => setTimeout(r, 1));
        }
      })();
      // The calm chat goes on during the flood.
      for (let i = 1; i <= 5; i++) {
        calm.send(`calm ${i}`);
        await until(`calm ${i} arrives`, () => ada.messages(session.id).some((m) => m.text === `calm ${i}`), 3_000);
      }
      const close = await flooder.waitClose(10_000);
      flooding = false;
      await flood;
      assert.equal(close.code, 4008);
      const limited = flooder.frames.filter((f) => f.type === 'error' && f.code === 'rate_limited');
      assert.ok(limited.length >= 2, 'slowed with rate_limited errors first');
      assert.ok(limited.some((f) => f.ref !== undefined), 'refusals answer their command');
      assert.ok(limited.some((f) => f.fatal === true), 'then told it is cut off');
      calm.send('after the flood');
      await until('the calm chat still works', () => ada.messages(session.id).some((m) => m.text === 'after the flood'));
      await calm.end();
    } finally {
      calm.close();
      ada.close();
    }
  });
});
