/**
 * One long-poll channel, as a core `Transport` the hub talks to. It keeps the
 * frames the client has not acknowledged, numbered from 1, and answers one held
 * poll at a time. See `@parley/core`'s `long-poll.ts` for the wire format.
 */
import type { ServerResponse } from 'node:http';

import { CLOSE_CODES, type TransportCloseEvent } from '@parley/core';

import type { InboundGuard } from './inbound-guard.js';
import { ServerTransport } from './server-transport.js';

/** Most bytes (string length) of frames one poll answer carries; the rest waits for the next poll. */
const ANSWER_CHARS = 1024 * 1024;

/** What a channel needs from its gateway. */
export interface ChannelHost {
  readonly maxBuffered: number;
  readonly pollMs: number;
  /** Writes a JSON answer with the channel's CORS headers. */
  answer(res: ServerResponse, status: number, body: string, origin: string | undefined): void;
  /** The channel is over and may be forgotten after its tombstone time. */
  ended(channel: LongPollChannel): void;
}

interface HeldPoll {
  readonly res: ServerResponse;
  readonly timer: NodeJS.Timeout;
}

export class LongPollChannel extends ServerTransport {
  readonly id: string;
  /** The Origin the channel was opened from; later requests must come from it too. */
  readonly origin: string | undefined;
  readonly #host: ChannelHost;
  /** Unacknowledged frames; `#queue[0]` has number `#first`. */
  #queue: string[] = [];
  #first = 1;
  #queuedChars = 0;
  #held: HeldPoll | undefined;
  #flushScheduled = false;
  /** Set once the channel is closed: sent to the client after the last frames. */
  #close: TransportCloseEvent | undefined;
  /** Highest client frame number received. */
  received = 0;
  /** When the client was last heard from (a poll or a send). */
  lastSeen: number;

  constructor(id: string, origin: string | undefined, guard: InboundGuard, host: ChannelHost, now: number) {
    super(guard);
    this.id = id;
    this.origin = origin;
    this.#host = host;
    this.lastSeen = now;
  }

  /** Whether the channel was closed (by either side, or by expiry). */
  get isClosed(): boolean {
    return this.#close !== undefined;
  }

  /** Whether a poll is held open now. */
  get polling(): boolean {
    return this.#held !== undefined;
  }

  send(data: string): void {
    if (this.#close) return;
    this.#queue.push(data);
    this.#queuedChars += data.length;
    if (this.#queuedChars > this.#host.maxBuffered) {
      // A client that does not poll: forget what it missed (it resumes by seq) and close.
      this.#queue = [];
      this.#first = this.#last + 1;
      this.#queuedChars = 0;
      this.close(CLOSE_CODES.slowConsumer, 'slow consumer');
      return;
    }
    this.#scheduleFlush();
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#close) return;
    this.#close = { code, reason };
    this.#scheduleFlush();
    this.#host.ended(this);
    const event = this.#close;
    queueMicrotask(() => this.finish(event));
  }

  /** The client closed the channel: no more answers, the hub hears the client's code. */
  closedByClient(code: number, reason: string): void {
    if (!this.#close) {
      this.#close = { code, reason };
      this.#host.ended(this);
    }
    this.#answerHeld();
    this.finish({ code, reason });
  }

  /** The client stopped polling. */
  expire(): void {
    this.closedByClient(CLOSE_CODES.abnormal, 'long-poll channel expired');
  }

  /** A poll: acknowledges frames up to `cursor`, then answers now or holds until there is something. */
  poll(res: ServerResponse, cursor: number, now: number): void {
    this.lastSeen = now;
    if (cursor > this.#last) {
      this.#host.answer(res, 400, JSON.stringify({ error: 'bad_cursor', reason: 'cursor is ahead of the channel' }), this.origin);
      return;
    }
    this.#acknowledge(cursor);
    // A newer poll replaces a held one (the client gave up on it, or it is a duplicate).
    this.#answerHeld();
    if (this.#queue.length > 0 || this.#close) {
      this.#answer(res);
      return;
    }
    const timer = setTimeout(() => this.#answerHeld(), this.#host.pollMs);
    this.#held = { res, timer };
    res.on('close', () => {
      if (this.#held?.res !== res) return;
      clearTimeout(timer);
      this.#held = undefined;
      this.lastSeen = Date.now();
    });
  }

  /** Frames the client sent, numbered from `seq`; duplicates of received numbers are skipped. */
  deliver(seq: number, frames: readonly string[], now: number): void {
    this.lastSeen = now;
    for (let i = 0; i < frames.length; i++) {
      if (this.#close) return;
      const number = seq + i;
      if (number <= this.received) continue;
      this.received = number;
      this.receive(frames[i]!, now);
    }
  }

  get #last(): number {
    return this.#first + this.#queue.length - 1;
  }

  #acknowledge(cursor: number): void {
    const drop = cursor - this.#first + 1;
    if (drop <= 0) return;
    for (let i = 0; i < drop; i++) this.#queuedChars -= this.#queue[i]!.length;
    this.#queue.splice(0, drop);
    this.#first += drop;
  }

  /** Answers after the current burst of sends, so frames sent together travel together. */
  #scheduleFlush(): void {
    if (this.#flushScheduled || !this.#held) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      this.#answerHeld();
    });
  }

  #answerHeld(): void {
    const held = this.#held;
    if (!held) return;
    this.#held = undefined;
    clearTimeout(held.timer);
    this.#answer(held.res);
  }

  /** Writes the frames after the client's cursor (up to a size cap) and, after the last one, the close. */
  #answer(res: ServerResponse): void {
    let chars = 0;
    let count = 0;
    while (count < this.#queue.length) {
      chars += this.#queue[count]!.length;
      if (count > 0 && chars > ANSWER_CHARS) break;
      count++;
    }
    const frames = count === this.#queue.length ? this.#queue : this.#queue.slice(0, count);
    const cursor = this.#first - 1 + count;
    const close = count === this.#queue.length && this.#close ? `,"close":${JSON.stringify(this.#close)}` : '';
    this.#host.answer(res, 200, `{"cursor":${cursor},"frames":${JSON.stringify(frames)}${close}}`, this.origin);
  }
}
