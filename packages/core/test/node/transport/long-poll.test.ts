/**
 * The long-poll client against a scripted far end: a small HTTP server that
 * speaks the wire format and lets each test lose answers, refuse channels and
 * close from its side. (The real server's gateway is tested with this client in
 * `@parley/server-adapter`'s transport tests.)
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import { createLongPollTransport } from '../../../src/transport/long-poll.js';
import type { Transport, TransportCloseEvent } from '../../../src/transport/transport.js';

/** A far end: channels with numbered outbound frames, received inbound frames, knobs to misbehave. */
class FarEnd {
  server: Server;
  base = '';
  /** Frames received, per channel, in order (duplicates would show here). */
  received = new Map<string, string[]>();
  receivedSeq = new Map<string, number>();
  outbound = new Map<string, string[]>();
  closeOf = new Map<string, { code: number; reason: string }>();
  clientClosed = new Map<string, { code: number; reason: string }>();
  held = new Map<string, { res: ServerResponse; cursor: number }>();
  opened: string[] = [];
  /** Knobs. */
  refuseOpen: number | undefined;
  /** Drop (destroy) the next N poll answers after computing them. */
  losePolls = 0;
  /** Destroy the next N send answers after taking the frames. */
  loseSends = 0;
  /** Answer polls with 404 (channel forgotten). */
  forget = false;
  polls = 0;

  constructor() {
    this.server = createServer((req, res) => void this.#handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/parley/poll`;
  }

  reset(): void {
    this.refuseOpen = undefined;
    this.losePolls = this.loseSends = 0;
    this.forget = false;
  }

  /** Queues a frame for the channel's client. */
  push(id: string, frame: string): void {
    this.outbound.get(id)!.push(frame);
    this.#flush(id);
  }

  serverClose(id: string, code: number, reason: string): void {
    this.closeOf.set(id, { code, reason });
    this.#flush(id);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://x');
    let body = '';
    for await (const chunk of req) body += chunk;
    if (url.pathname === '/parley/poll') {
      if (this.refuseOpen) return void res.writeHead(this.refuseOpen).end(JSON.stringify({ reason: 'refused' }));
      const id = `ch${this.opened.length + 1}`;
      this.opened.push(id);
      this.received.set(id, []);
      this.receivedSeq.set(id, 0);
      this.outbound.set(id, []);
      return void res.writeHead(200).end(JSON.stringify({ id, pollMs: 500 }));
    }
    const [, , , id, action] = url.pathname.split('/');
    if (!id || !this.outbound.has(id) || this.forget) return void res.writeHead(404).end('{}');
    if (action === 'close') {
      this.clientClosed.set(id, { code: Number(url.searchParams.get('code')), reason: url.searchParams.get('reason') ?? '' });
      return void res.writeHead(204).end();
    }
    if (req.method === 'GET') {
      this.polls++;
      const cursor = Number(url.searchParams.get('cursor'));
      this.held.set(id, { res, cursor });
      if (this.outbound.get(id)!.length > cursor || this.closeOf.has(id)) this.#flush(id);
      else setTimeout(() => this.held.get(id)?.res === res && this.#flush(id), 500);
      return;
    }
    const { seq, frames } = JSON.parse(body) as { seq: number; frames: string[] };
    frames.forEach((frame, i) => {
      if (seq + i > this.receivedSeq.get(id)!) {
        this.receivedSeq.set(id, seq + i);
        this.received.get(id)!.push(frame);
      }
    });
    if (this.loseSends > 0) {
      this.loseSends--;
      return void res.destroy();
    }
    res.writeHead(200).end(JSON.stringify({ received: this.receivedSeq.get(id) }));
  }

  #flush(id: string): void {
    const held = this.held.get(id);
    if (!held) return;
    this.held.delete(id);
    const all = this.outbound.get(id)!;
    const frames = all.slice(held.cursor);
    const close = this.closeOf.get(id);
    if (this.losePolls > 0) {
      this.losePolls--;
      return void held.res.destroy();
    }
    held.res.writeHead(200).end(JSON.stringify({ cursor: all.length, frames, ...(close && { close }) }));
  }
}

function record(transport: Transport) {
  const events: { type: string; data?: string; close?: TransportCloseEvent }[] = [];
  transport.listen({
    open: () => events.push({ type: 'open' }),
    message: (data) => events.push({ type: 'message', data }),
    close: (close) => events.push({ type: 'close', close }),
    error: () => events.push({ type: 'error' }),
  });
  return {
    events,
    messages: () => events.filter((e) => e.type === 'message').map((e) => e.data),
    closeEvent: () => events.find((e) => e.type === 'close')?.close,
    async until(predicate: () => boolean, ms = 5_000): Promise<void> {
      const start = Date.now();
      while (!predicate()) {
        if (Date.now() - start > ms) throw new Error('timed out waiting');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

describe('createLongPollTransport', () => {
  const far = new FarEnd();
  before(() => far.start());
  after(() => new Promise<void>((resolve) => far.server.close(() => resolve())));
  beforeEach(() => far.reset());

  const connect = () => {
    const transport = createLongPollTransport(`${far.base}?siteId=s1`, { retryMs: 3_000 })();
    return { transport, log: record(transport) };
  };

  it('opens a channel, carries frames both ways in order, and closes with the caller’s code', async () => {
    const { transport, log } = connect();
    transport.send('too early');
    await log.until(() => log.events.some((e) => e.type === 'open'));
    const id = far.opened.at(-1)!;
    for (let i = 1; i <= 5; i++) transport.send(`up ${i}`);
    far.push(id, 'down 1');
    far.push(id, 'down 2');
    await log.until(() => log.messages().length === 2 && far.received.get(id)!.length === 5);
    assert.deepEqual(far.received.get(id), ['up 1', 'up 2', 'up 3', 'up 4', 'up 5']);
    assert.deepEqual(log.messages(), ['down 1', 'down 2']);
    transport.close(4321, 'bye');
    await log.until(() => log.closeEvent() !== undefined && far.clientClosed.has(id));
    assert.deepEqual(log.closeEvent(), { code: 4321, reason: 'bye' });
    assert.deepEqual(far.clientClosed.get(id), { code: 4321, reason: 'bye' });
    transport.send('after close');
    assert.equal(log.events.filter((e) => e.type === 'close').length, 1);
  });

  it('loses nothing and duplicates nothing when poll and send answers are lost', async () => {
    const { transport, log } = connect();
    await log.until(() => log.events.some((e) => e.type === 'open'));
    const id = far.opened.at(-1)!;
    far.losePolls = 2;
    far.loseSends = 2;
    for (let i = 1; i <= 3; i++) far.push(id, `down ${i}`);
    for (let i = 1; i <= 3; i++) transport.send(`up ${i}`);
    await log.until(() => log.messages().length === 3);
    await new Promise((r) => setTimeout(r, 50));
    transport.send('up 4');
    far.push(id, 'down 4');
    await log.until(() => log.messages().length === 4 && far.received.get(id)!.length === 4);
    assert.deepEqual(log.messages(), ['down 1', 'down 2', 'down 3', 'down 4']);
    assert.deepEqual(far.received.get(id), ['up 1', 'up 2', 'up 3', 'up 4']);
    transport.close();
  });

  it('delivers the last frames, then the far end’s close', async () => {
    const { log } = connect();
    await log.until(() => log.events.some((e) => e.type === 'open'));
    const id = far.opened.at(-1)!;
    far.push(id, 'last words');
    far.serverClose(id, 4009, 'slow consumer');
    await log.until(() => log.closeEvent() !== undefined);
    assert.deepEqual(log.messages(), ['last words']);
    assert.deepEqual(log.closeEvent(), { code: 4009, reason: 'slow consumer' });
  });

  it('closes with 1006 when the channel is gone', async () => {
    const { log } = connect();
    await log.until(() => log.events.some((e) => e.type === 'open'));
    far.forget = true;
    await log.until(() => log.closeEvent() !== undefined);
    assert.equal(log.closeEvent()?.code, 1006);
  });

  it('maps a refused open to a close: 403 → 1008, 429 → 4008, never opening', async () => {
    for (const [status, code] of [
      [403, 1008],
      [429, 4008],
    ] as const) {
      far.refuseOpen = status;
      const { log } = connect();
      await log.until(() => log.closeEvent() !== undefined);
      assert.equal(log.closeEvent()?.code, code);
      assert.equal(log.events.some((e) => e.type === 'open'), false);
    }
  });

  it('gives up with 1006 when the server cannot be reached for retryMs', async () => {
    const transport = createLongPollTransport('http://127.0.0.1:1/parley/poll?siteId=s1', { retryMs: 600 })();
    const log = record(transport);
    await log.until(() => log.closeEvent() !== undefined);
    assert.equal(log.closeEvent()?.code, 1006);
    assert.ok(log.events.some((e) => e.type === 'error'));
  });
});
