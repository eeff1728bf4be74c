/**
 * The example server on 127.0.0.1:0 with Parley's real clients over the SSE
 * transport: a chat, a dropped stream with resume (nothing lost, nothing
 * doubled), and the transport's own guarantees checked on the wire: frames in
 * `seq` order and once each, the frame size limit, unguessable ids.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { AgentClient, VisitorClient, type ChatMessage } from '@parley/core';

import { createSseTransport } from '../../src/sse-client-transport.js';
import { MAX_FRAME_BYTES, SseParser, type SseEvent } from '../../src/sse-wire.js';
import { DEMO_SITE_ID, startServer, type ExampleServer } from '../../src/server.js';

/** Fast timings, so a lost link is noticed and retried within a test's time. */
const TIMING = { backoffBaseMs: 50, backoffMaxMs: 400, connectTimeoutMs: 5_000, pingIntervalMs: 2_000, pongTimeoutMs: 3_000, requestTimeoutMs: 8_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A raw event stream, read event by event, to look at the wire itself. */
async function openStream(sseUrl: string): Promise<{ id: string; next(): Promise<SseEvent>; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(sseUrl, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = response.body!.getReader();
  const parser = new SseParser();
  const ready: SseEvent[] = [];
  async function next(): Promise<SseEvent> {
    while (ready.length === 0) {
      const { done, value } = await reader.read();
      if (done) throw new Error('the stream ended');
      ready.push(...parser.push(value));
    }
    return ready.shift()!;
  }
  const open = await next();
  assert.equal(open.event, 'open');
  const { id } = JSON.parse(open.data) as { id: string };
  return { id, next, close: () => abort.abort() };
}

const post = (sseUrl: string, id: string, seq: number, body: string) =>
  fetch(`${sseUrl}/${id}?seq=${seq}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });

describe('custom adapter example: Parley over Server-Sent Events + POST', () => {
  let server: ExampleServer;
  const clients: { close(): void }[] = [];

  before(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    for (const client of clients) client.close();
    await server.close();
  });

  function agent(): AgentClient {
    const client = new AgentClient({ token: server.agentToken, transport: createSseTransport(server.sseUrl), timing: TIMING });
    clients.push(client);
    client.connect();
    return client;
  }

  function visitor(): VisitorClient {
    const client = new VisitorClient({ siteId: DEMO_SITE_ID, transport: createSseTransport(server.sseUrl), timing: TIMING });
    clients.push(client);
    client.connect();
    return client;
  }

  it('a visitor and an agent chat: request, messages both ways, end', async () => {
    const ada = agent();
    const vic = visitor();
    await until('both connected', () => ada.status === 'open' && vic.status === 'open');
    const session = await vic.requestChat({ name: 'Vic' });
    assert.equal(session.state, 'active');
    assert.equal(session.agentId, 'agt_demo');

    vic.send('Hello over SSE');
    await until('the agent hears', () => ada.messages(session.id).some((m) => m.text === 'Hello over SSE'));
    ada.send(session.id, 'Loud and clear');
    await until('the visitor hears', () => vic.messages(session.id).some((m) => m.text === 'Loud and clear'));
    await until('the visitor’s message is acknowledged', () => vic.messages(session.id).some((m) => m.own && m.seq !== undefined));

    const ended = await vic.end();
    assert.equal(ended.state, 'ended');
    await until('the agent sees the end', () => ada.sessionById(session.id)?.state === 'ended');
    ada.close();
    vic.close();
  });

  it('dropped streams: both sides reconnect and resume; nothing is lost or doubled', async () => {
    const ada = agent();
    const kim = visitor();
    await until('both connected', () => ada.status === 'open' && kim.status === 'open');
    const session = await kim.requestChat({ name: 'Kim' });
    await until('Ada has the chat', () => ada.sessionById(session.id) !== undefined);
    const streamsBefore = server.gateway.connections.size;

    // Both sides write steadily, before, during and after the drops.
    let writing = true;
    let count = 0;
    const pump = (async () => {
      while (writing) {
        count++;
        kim.send(`visitor ${count}`);
        ada.send(session.id, `agent ${count}`);
        await sleep(15);
      }
    })();
    await sleep(300);
    // The network drops every connection: streams and POSTs in flight alike.
    server.http.closeAllConnections();
    await until('both noticed', () => ada.status !== 'open' && kim.status !== 'open', 5_000);
    await until('both back', () => ada.status === 'open' && kim.status === 'open');
    await sleep(200);
    server.http.closeAllConnections();
    await until('both back again', () => ada.status === 'open' && kim.status === 'open' && server.gateway.connections.size === streamsBefore);
    await sleep(200);
    writing = false;
    await pump;

    const expected = Array.from({ length: count }, (_, i) => [`visitor ${i + 1}`, `agent ${i + 1}`]).flat();
    const written = <M extends { readonly text?: string }>(messages: readonly M[]) => messages.filter((m) => /^(visitor|agent) \d+$/.test(m.text ?? ''));
    const delivered = (messages: readonly ChatMessage[]) => expected.every((text) => messages.some((m) => m.text === text && m.seq !== undefined));
    await until('everything delivered on both sides', () => delivered(kim.messages(session.id)) && delivered(ada.messages(session.id)), 15_000);

    const stored = await server.store.listMessages(session.id);
    assert.equal(written(stored).length, expected.length, 'the hub stored each message once');
    assert.deepEqual(stored.map((m) => m.seq), stored.map((_, i) => i + 1), 'seqs 1…n without a gap');
    for (const [who, messages] of [['the visitor', kim.messages(session.id)], ['the agent', ada.messages(session.id)]] as const) {
      const shown = written(messages);
      assert.equal(shown.length, expected.length, `${who} shows each message once`);
      assert.equal(new Set(shown.map((m) => m.text)).size, shown.length, `${who}: no text twice`);
      const seqs = messages.map((m) => m.seq!);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `${who}: in seq order`);
      assert.equal(new Set(seqs).size, seqs.length, `${who}: no seq twice`);
      assert.deepEqual(
        messages.map((m) => [m.seq, m.text]),
        stored.map((m) => [m.seq, m.text]),
        `${who} shows what the hub stored`,
      );
    }
    await kim.end();
    ada.close();
    kim.close();
  });

  it('frames POSTed out of order reach the hub in seq order, each once', async () => {
    const stream = await openStream(server.sseUrl);
    try {
      const ping = (t: number) => JSON.stringify({ type: 'ping', t });
      // Number 2 overtakes number 1; number 1 is then sent twice (a retried request).
      assert.equal((await post(server.sseUrl, stream.id, 2, ping(2))).status, 202);
      assert.equal((await post(server.sseUrl, stream.id, 1, ping(1))).status, 202);
      assert.equal((await post(server.sseUrl, stream.id, 1, ping(1))).status, 202);
      assert.equal((await post(server.sseUrl, stream.id, 3, ping(3))).status, 202);
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(JSON.parse((await stream.next()).data) as { type: string; t: number });
      assert.deepEqual(answers, [1, 2, 3].map((t) => ({ type: 'pong', t })));

      // Too far ahead: refused, and the connection closes.
      assert.equal((await post(server.sseUrl, stream.id, 1_000, ping(1_000))).status, 409);
      const close = await stream.next();
      assert.equal(close.event, 'close');
      assert.equal((JSON.parse(close.data) as { code: number }).code, 1008);
    } finally {
      stream.close();
    }
  });

  it('a frame over the size limit gets 413 and closes the connection with 1009; ids are unguessable', async () => {
    const stream = await openStream(server.sseUrl);
    const other = await openStream(server.sseUrl);
    try {
      assert.match(stream.id, /^[A-Za-z0-9_-]{24}$/, '144 random bits, base64url');
      assert.notEqual(stream.id, other.id);
      assert.equal((await post(server.sseUrl, 'AAAAAAAAAAAAAAAAAAAAAAAA', 1, '{}')).status, 404);

      const big = JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(MAX_FRAME_BYTES) });
      assert.equal((await post(server.sseUrl, stream.id, 1, big)).status, 413);
      const close = await stream.next();
      assert.equal(close.event, 'close');
      assert.equal((JSON.parse(close.data) as { code: number }).code, 1009);
      assert.equal((await post(server.sseUrl, stream.id, 1, '{}')).status, 404, 'the closed connection is gone');
      await until('the hub let go of it', () => !server.gateway.connections.has(stream.id));
    } finally {
      stream.close();
      other.close();
    }
  });
});
