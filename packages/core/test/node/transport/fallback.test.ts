/**
 * The fallback transport with scripted transports on both sides (type-checked
 * against `Transport`), and `connectTo`'s URLs. The whole thing against the
 * real server is in `@parley/server-adapter`'s integration tests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { connectTo, createFallbackTransport, SERVER_PATHS, type FallbackKind } from '../../../src/transport/fallback.js';
import type { LongPollRequestInit } from '../../../src/transport/long-poll.js';
import type { Transport, TransportCloseEvent, TransportListener } from '../../../src/transport/transport.js';
import type { WebSocketLike } from '../../../src/transport/websocket.js';

type Script = 'open' | 'fail' | 'hang';

/** A transport that opens, fails before opening, or never answers, as told; it echoes what it is sent. */
class ScriptedTransport implements Transport {
  readonly listeners = new Set<TransportListener>();
  readonly sent: string[] = [];
  closed: TransportCloseEvent | undefined;

  constructor(readonly kind: string, script: Script) {
    setTimeout(() => {
      if (this.closed) return;
      if (script === 'open') for (const l of this.listeners) l.open?.();
      if (script === 'fail') {
        for (const l of this.listeners) l.error?.(new Error('refused'));
        this.#finish({ code: 1006, reason: 'refused' });
      }
    }, 5);
  }

  send(data: string): void {
    this.sent.push(data);
    setTimeout(() => {
      for (const l of this.listeners) l.message?.(`${this.kind}:${data}`);
    }, 1);
  }

  close(code = 1000, reason = ''): void {
    this.#finish({ code, reason });
  }

  listen(listener: TransportListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The far end closes. */
  drop(code: number, reason: string): void {
    this.#finish({ code, reason });
  }

  #finish(event: TransportCloseEvent): void {
    if (this.closed) return;
    this.closed = event;
    for (const l of [...this.listeners]) l.close?.(event);
    this.listeners.clear();
  }
}

interface RigOptions {
  openTimeoutMs?: number;
  retryWebSocketAfterMs?: number;
  /** Hand long-poll over as `{ load }`; each load resolves (or rejects) as listed. */
  loads?: ('ok' | 'fail')[];
  /** Loads finish only once this settles (default: 5 ms after they start). */
  loadGate?: Promise<unknown>;
}

function rig(scripts: { websocket: Script[]; longPoll: Script[] }, { loads, loadGate, ...options }: RigOptions = {}) {
  const made: ScriptedTransport[] = [];
  const connected: FallbackKind[] = [];
  let loadsStarted = 0;
  const next = (kind: 'websocket' | 'longPoll') => () => {
    const script = scripts[kind].shift() ?? 'fail';
    const t = new ScriptedTransport(kind, script);
    made.push(t);
    return t;
  };
  const load = async () => {
    loadsStarted++;
    await (loadGate ?? new Promise((r) => setTimeout(r, 5)));
    if (loads?.shift() === 'fail') throw new Error('chunk failed to load');
    return next('longPoll');
  };
  const factory = createFallbackTransport({
    websocket: next('websocket'),
    longPoll: loads ? { load } : next('longPoll'),
    onConnected: (kind) => connected.push(kind),
    ...options,
  });
  return { factory, made, connected, loadsStarted: () => loadsStarted };
}

function watch(transport: Transport) {
  const events: string[] = [];
  let close: TransportCloseEvent | undefined;
  transport.listen({
    open: () => events.push('open'),
    message: (data) => events.push(data),
    close: (event) => {
      events.push('close');
      close = event;
    },
    error: () => events.push('error'),
  });
  const until = async (predicate: () => boolean) => {
    for (let i = 0; i < 300 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(predicate(), `timed out; events: ${events.join(', ')}`);
  };
  return { events, until, close: () => close };
}

describe('createFallbackTransport', () => {
  it('uses the WebSocket when it opens', async () => {
    const { factory, made, connected } = rig({ websocket: ['open'], longPoll: [] });
    const t = factory();
    const w = watch(t);
    await w.until(() => w.events.includes('open'));
    t.send('hi');
    await w.until(() => w.events.includes('websocket:hi'));
    assert.deepEqual(made.map((m) => m.kind), ['websocket']);
    assert.deepEqual(connected, ['websocket']);
    t.close(1000, 'done');
    await w.until(() => w.events.includes('close'));
    assert.deepEqual(made[0]!.closed, { code: 1000, reason: 'done' });
  });

  it('falls back to long-poll within the same attempt when the WebSocket fails before opening, silently', async () => {
    const { factory, made, connected } = rig({ websocket: ['fail'], longPoll: ['open', 'open'] });
    const t = factory();
    const w = watch(t);
    await w.until(() => w.events.includes('open'));
    t.send('hi');
    await w.until(() => w.events.includes('longPoll:hi'));
    // The WebSocket's error and close never reached the client.
    assert.deepEqual(w.events, ['open', 'longPoll:hi']);
    assert.deepEqual(connected, ['long-poll']);
    // The next attempt goes straight to long-poll.
    made.length = 0;
    const t2 = factory();
    const w2 = watch(t2);
    await w2.until(() => w2.events.includes('open'));
    assert.deepEqual(made.map((m) => m.kind), ['longPoll']);
    t.close();
    t2.close();
  });

  it('falls back when the WebSocket does not open in time', async () => {
    const { factory, made } = rig({ websocket: ['hang'], longPoll: ['open'] }, { openTimeoutMs: 50 });
    const t = factory();
    const w = watch(t);
    await w.until(() => w.events.includes('open'));
    assert.deepEqual(made.map((m) => m.kind), ['websocket', 'longPoll']);
    assert.equal(made[0]!.closed?.reason, 'falling back to long-poll');
    t.close();
  });

  it('tries the WebSocket again after retryWebSocketAfterMs', async () => {
    const { factory, made } = rig({ websocket: ['fail', 'open'], longPoll: ['open'] }, { retryWebSocketAfterMs: 30 });
    const first = watch(factory());
    await first.until(() => first.events.includes('open'));
    await new Promise((r) => setTimeout(r, 40));
    const second = watch(factory());
    await second.until(() => second.events.includes('open'));
    assert.deepEqual(made.map((m) => m.kind), ['websocket', 'longPoll', 'websocket']);
  });

  it('does not blame the WebSocket when long-poll fails too (server down), and reports long-poll’s close', async () => {
    const { factory, made } = rig({ websocket: ['fail', 'open'], longPoll: ['fail'] });
    const first = watch(factory());
    await first.until(() => first.events.includes('close'));
    assert.deepEqual(first.events, ['error', 'close']);
    assert.equal(first.close()?.code, 1006);
    const second = watch(factory());
    await second.until(() => second.events.includes('open'));
    assert.deepEqual(made.map((m) => m.kind), ['websocket', 'longPoll', 'websocket']);
  });

  it('uses long-poll next time when a WebSocket that opened is cut before any frame came through', async () => {
    const { factory, made } = rig({ websocket: ['open'], longPoll: ['open'] });
    const w = watch(factory());
    await w.until(() => w.events.includes('open'));
    made[0]!.drop(1006, 'cut by a proxy');
    await w.until(() => w.events.includes('close'));
    assert.equal(w.close()?.code, 1006);
    const again = watch(factory());
    await again.until(() => again.events.includes('open'));
    assert.deepEqual(made.map((m) => m.kind), ['websocket', 'longPoll']);
  });

  it('passes a close after open through, once, and stays on the WebSocket', async () => {
    const { factory, made } = rig({ websocket: ['open', 'open'], longPoll: [] });
    const w = watch(factory());
    await w.until(() => w.events.includes('open'));
    made[0]!.drop(4009, 'slow consumer');
    await w.until(() => w.events.includes('close'));
    assert.deepEqual(w.close(), { code: 4009, reason: 'slow consumer' });
    const again = watch(factory());
    await again.until(() => again.events.includes('open'));
    assert.deepEqual(made.map((m) => m.kind), ['websocket', 'websocket']);
  });
});

describe('createFallbackTransport with long-poll loaded on demand ({ load })', () => {
  it('loads nothing while the WebSocket opens', async () => {
    const { factory, loadsStarted } = rig({ websocket: ['open'], longPoll: [] }, { loads: ['ok'] });
    const w = watch(factory());
    await w.until(() => w.events.includes('open'));
    assert.equal(loadsStarted(), 0);
  });

  it('loads long-poll when the WebSocket fails and carries on in the same attempt, then reuses it', async () => {
    const { factory, made, connected, loadsStarted } = rig({ websocket: ['fail'], longPoll: ['open', 'open'] }, { loads: ['ok'] });
    const t = factory();
    const w = watch(t);
    await w.until(() => w.events.includes('open'));
    t.send('hi');
    await w.until(() => w.events.includes('longPoll:hi'));
    assert.deepEqual(w.events, ['open', 'longPoll:hi']);
    assert.deepEqual(connected, ['long-poll']);
    const again = watch(factory());
    await again.until(() => again.events.includes('open'));
    assert.deepEqual(made.map((m) => m.kind), ['websocket', 'longPoll', 'longPoll']);
    assert.equal(loadsStarted(), 1);
  });

  it('ends the attempt with an error when the load fails, and loads again on the next one', async () => {
    const { factory, made, loadsStarted } = rig({ websocket: ['fail', 'fail'], longPoll: ['open'] }, { loads: ['fail', 'ok'] });
    const first = watch(factory());
    await first.until(() => first.events.includes('close'));
    assert.deepEqual(first.events, ['error', 'close']);
    assert.deepEqual(first.close(), { code: 1006, reason: 'transport could not be made' });
    const second = watch(factory());
    await second.until(() => second.events.includes('open'));
    assert.equal(loadsStarted(), 2);
    assert.deepEqual(made.map((m) => m.kind), ['websocket', 'websocket', 'longPoll']);
  });

  it('makes nothing when closed while loading', async () => {
    let finishLoad!: () => void;
    const loadGate = new Promise<void>((resolve) => (finishLoad = resolve));
    const { factory, made, loadsStarted } = rig({ websocket: ['fail'], longPoll: ['open'] }, { loads: ['ok'], loadGate });
    const t = factory();
    const w = watch(t);
    // The WebSocket has failed and the long-poll code is loading: close now, then let the load finish.
    for (let i = 0; i < 300 && loadsStarted() === 0; i++) await new Promise((r) => setTimeout(r, 1));
    assert.equal(loadsStarted(), 1);
    t.close(1000, 'bye');
    finishLoad();
    await w.until(() => w.events.includes('close'));
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(made.map((m) => m.kind), ['websocket']);
    assert.deepEqual(w.events, ['close']);
  });
});

describe('connectTo', () => {
  /** Records the URL a WebSocket was made for, and never opens. */
  const wsUrls: string[] = [];
  class RecordingSocket implements WebSocketLike {
    readyState = 0;
    onopen = null;
    onmessage = null;
    onclose: ((event: { code: number; reason: string }) => void) | null = null;
    onerror = null;
    constructor(url: string) {
      wsUrls.push(url);
      setTimeout(() => this.onclose?.({ code: 1006, reason: '' }), 1);
    }
    send(): void {}
    close(): void {}
  }
  const fetchUrls: string[] = [];
  const fetch = async (url: string, init: LongPollRequestInit) => {
    fetchUrls.push(`${init.method} ${url}`);
    return { status: 404, text: async () => '{}' };
  };

  it('builds the WebSocket and long-poll URLs for visitors and agents, and falls back', async () => {
    const visitor = watch(connectTo('https://chat.example.com/support/', { siteId: 'site 1', WebSocket: RecordingSocket, fetch })());
    await visitor.until(() => visitor.events.includes('close'));
    assert.deepEqual(wsUrls, [`wss://chat.example.com/support${SERVER_PATHS.websocket}?siteId=site%201`]);
    assert.deepEqual(fetchUrls, [`POST https://chat.example.com/support${SERVER_PATHS.longPoll}?siteId=site%201`]);
    const agent = watch(connectTo('http://localhost:8080', { role: 'agent', WebSocket: RecordingSocket, fetch })());
    await agent.until(() => agent.events.includes('close'));
    assert.equal(wsUrls[1], 'ws://localhost:8080/parley/ws?role=agent');
    assert.equal(fetchUrls[1], 'POST http://localhost:8080/parley/poll?role=agent');
  });

  it('uses only long-poll when asked', async () => {
    wsUrls.length = 0;
    const t = watch(connectTo('http://localhost:8080', { siteId: 's', transport: 'long-poll', WebSocket: RecordingSocket, fetch })());
    await t.until(() => t.events.includes('close'));
    assert.deepEqual(wsUrls, []);
  });

  it('refuses a URL that is not http(s)', () => {
    assert.throws(() => connectTo('ws://localhost', { siteId: 's' }), TypeError);
  });
});
