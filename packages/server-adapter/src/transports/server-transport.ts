/**
 * The part every server-side transport shares: listeners, the exactly-once
 * close, and the inbound guard (rate limit, hello check) every frame passes.
 */
import { CLOSE_CODES, ERROR_CODES, type Transport, type TransportCloseEvent, type TransportListener } from '@parley/core';

import { errorFrame, readRef, type InboundGuard } from './inbound-guard.js';

export abstract class ServerTransport implements Transport {
  #listeners: TransportListener[] = [];
  #finished = false;
  readonly #guard: InboundGuard;

  constructor(guard: InboundGuard) {
    this.#guard = guard;
    // Server ends are open from the start; say so once the hub has listened.
    queueMicrotask(() => {
      if (this.#finished) return;
      for (const l of this.#listeners) l.open?.();
    });
  }

  abstract send(data: string): void;
  abstract close(code?: number, reason?: string): void;

  listen(listener: TransportListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  /** Whether the close listeners have been called. */
  protected get finished(): boolean {
    return this.#finished;
  }

  /** Passes one inbound frame through the guard, then to the listeners. */
  protected receive(data: string, now: number): void {
    switch (this.#guard.check(data, now)) {
      case 'pass':
        for (const l of this.#listeners) l.message?.(data);
        return;
      case 'refuse':
        this.send(errorFrame(ERROR_CODES.rateLimited, 'Too many frames; this one was dropped. Slow down.', { ref: readRef(data) }));
        return;
      case 'close-rate':
        this.send(errorFrame(ERROR_CODES.rateLimited, 'Too many frames for too long; disconnected.', { fatal: true }));
        this.close(CLOSE_CODES.rateLimited, 'rate limited');
        return;
      case 'close-target':
        this.send(errorFrame(ERROR_CODES.forbidden, 'This hello does not fit the connection (site or role).', { fatal: true }));
        this.close(CLOSE_CODES.policyViolation, 'hello does not fit the connection');
        return;
    }
  }

  protected emitError(error: unknown): void {
    for (const l of this.#listeners) l.error?.(error);
  }

  /** Calls the close listeners, once. */
  protected finish(event: TransportCloseEvent): void {
    if (this.#finished) return;
    this.#finished = true;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const l of listeners) l.close?.(event);
  }
}

/** Close codes a WebSocket close frame may carry; anything else goes out as 1000. */
export function wireCloseCode(code: number): number {
  const valid = (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);
  return valid ? code : CLOSE_CODES.normal;
}

/** A close reason cut to the 123 bytes a close frame holds. */
export function clipReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let out = '';
  for (const char of reason) {
    if (Buffer.byteLength(out + char) > 123) break;
    out += char;
  }
  return out;
}
