/**
 * One client connection, seen from the server, as the `Transport` the hub
 * talks to. This is the whole job of a server adapter's transport: turn
 * whatever carries bytes (here an SSE response for one direction and POSTs
 * for the other) into `send`, `close` and `listen`.
 *
 * The contract the hub relies on (see `Transport` in `@parley/core`):
 *
 * - `open` listeners are called once the connection can carry frames. A
 *   server end is open from the start; we say so on the next microtask, after
 *   `hub.connect` has subscribed.
 * - `message` listeners get the client's frames in the order it sent them,
 *   each once.
 * - `close` listeners are called exactly once, whoever closed: the hub
 *   (`close()`), the client, or the network. After that nothing is delivered.
 * - nothing throws out of `send` or `close`.
 */
import type { ServerResponse } from 'node:http';

import { CLOSE_CODES, type Transport, type TransportCloseEvent, type TransportListener } from '@parley/core';

import { encodeEvent, KEEP_ALIVE, MAX_AHEAD } from './sse-wire.js';

/**
 * Outbound bytes a connection may have waiting in the socket before it is
 * closed with 4009 (slow consumer). A reader that does not keep up would
 * otherwise make the server's memory grow; it reconnects and resumes.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** What became of a POSTed frame. */
export type Receipt = 'delivered' | 'held' | 'duplicate' | 'too-far-ahead' | 'closed';

export class SseConnection implements Transport {
  /** The unguessable id that POSTs name. */
  readonly id: string;
  readonly #res: ServerResponse;
  #listeners: TransportListener[] = [];
  /** Set by `close()`: no more sends; the code and reason the listeners will hear. */
  #closing: TransportCloseEvent | undefined;
  /** Set once the close listeners ran. */
  #finished = false;
  /** The highest frame number handed to the hub; frames are numbered from 1. */
  #received = 0;
  /** Frames that arrived before their predecessors, by number. */
  readonly #early = new Map<number, string>();

  constructor(id: string, res: ServerResponse) {
    this.id = id;
    this.#res = res;
    // The response closes when we end it, when the client goes away, or when
    // the network drops it. The last two look alike here: 1006, as a
    // WebSocket that vanished without a close frame.
    res.on('close', () => this.#finish(this.#closing ?? { code: CLOSE_CODES.abnormal, reason: 'event stream closed' }));
    queueMicrotask(() => {
      if (this.#finished) return;
      for (const l of this.#listeners) l.open?.();
    });
  }

  send(data: string): void {
    if (this.#closing || this.#finished) return;
    if (this.#res.writableLength > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_CODES.slowConsumer, 'slow consumer');
      return;
    }
    this.#res.write(encodeEvent('message', data));
  }

  /** Writes a comment line, so proxies see traffic on a quiet stream. */
  keepAlive(): void {
    if (!this.#closing && !this.#finished) this.#res.write(KEEP_ALIVE);
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#closing || this.#finished) return;
    const event = { code, reason };
    this.#closing = event;
    // Tell the client why, after the frames already written, then end the stream.
    this.#res.end(encodeEvent('close', JSON.stringify(event)));
    // Listeners are called later, not from inside the caller's `close()`.
    queueMicrotask(() => this.#finish(event));
  }

  listen(listener: TransportListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  /**
   * A frame the client POSTed as number `seq`. Frames reach the hub in number
   * order and once each: an early one waits for the gap to fill, a repeated
   * one (a retried request) is dropped.
   */
  receive(seq: number, data: string): Receipt {
    if (this.#closing || this.#finished) return 'closed';
    if (seq <= this.#received || this.#early.has(seq)) return 'duplicate';
    if (seq > this.#received + 1) {
      if (seq > this.#received + MAX_AHEAD) return 'too-far-ahead';
      this.#early.set(seq, data);
      return 'held';
    }
    this.#deliver(data);
    // The frame may have filled a gap: deliver what waited behind it.
    let next: string | undefined;
    while (!this.#closing && !this.#finished && (next = this.#early.get(this.#received + 1)) !== undefined) {
      this.#early.delete(this.#received + 1);
      this.#deliver(next);
    }
    return 'delivered';
  }

  #deliver(data: string): void {
    this.#received++;
    for (const l of this.#listeners) l.message?.(data);
  }

  /** Calls the close listeners, once. */
  #finish(event: TransportCloseEvent): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#early.clear();
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const l of listeners) l.close?.(event);
    // A dropped stream: make sure the response is done with, too.
    if (!this.#res.writableEnded) this.#res.end();
  }
}
