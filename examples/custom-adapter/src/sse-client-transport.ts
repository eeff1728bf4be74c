/**
 * The client end of the SSE transport: a `TransportFactory` that Parley's
 * `VisitorClient` and `AgentClient` take as their `transport` option.
 *
 * It reads the event stream with `fetch` rather than `EventSource`, so it runs
 * unchanged in browsers and in Node ≥ 18, and so that it decides itself what
 * happens when the stream breaks: `EventSource` would quietly reconnect and
 * open a second hub connection the client knows nothing about. Here a broken
 * stream closes the transport (1006), and the client's own machinery takes
 * over — back-off, a fresh transport, a `hello` that resumes from the last
 * message it saw, the outbox resent with the same `clientId`s — as it does for
 * WebSocket and long-poll.
 */
import { CLOSE_CODES, type Transport, type TransportCloseEvent, type TransportFactory, type TransportListener } from '@parley/core';

import { MAX_IN_FLIGHT, SseParser, type SseEvent } from './sse-wire.js';

export interface SseTransportOptions {
  /** The `fetch` to use; defaults to the global one. */
  readonly fetch?: typeof fetch;
}

/** How many times a POST that failed on the network or with a 5xx is tried in all. */
const POST_ATTEMPTS = 3;
const POST_RETRY_MS = 200;

/**
 * Makes a transport factory for a server running this example's gateway.
 *
 * @param baseUrl the gateway's URL, e.g. `http://127.0.0.1:8090/parley/sse`.
 *
 * ```ts
 * const visitor = new VisitorClient({ siteId: 'site_demo', transport: createSseTransport(`${url}/parley/sse`) });
 * ```
 */
export function createSseTransport(baseUrl: string, options: SseTransportOptions = {}): TransportFactory {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = baseUrl.split('?')[0]!.replace(/\/$/, '');
  return () => new SseClientTransport(base, doFetch);
}

class SseClientTransport implements Transport {
  readonly #base: string;
  readonly #fetch: typeof fetch;
  readonly #listeners = new Set<TransportListener>();
  /** Cancels the stream and every POST when the transport closes. */
  readonly #abort = new AbortController();
  #state: 'connecting' | 'open' | 'closed' = 'connecting';
  #finished = false;
  /** `<base>/<id>` once the `open` event named the connection. */
  #postUrl = '';
  /** Number of the last frame given to `send`; frames are numbered from 1. */
  #numbered = 0;
  /** Frames waiting for a free POST slot, in order. */
  #waiting: { seq: number; data: string }[] = [];
  #inFlight = 0;

  constructor(base: string, doFetch: typeof fetch) {
    this.#base = base;
    this.#fetch = doFetch;
    void this.#readStream();
  }

  send(data: string): void {
    if (this.#state !== 'open') return;
    this.#waiting.push({ seq: ++this.#numbered, data });
    this.#pump();
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    // The server sees its stream end; it cannot tell this from a network loss,
    // and needs not: either way the hub's connection is over.
    this.#abort.abort();
    queueMicrotask(() => this.#finish({ code, reason }));
  }

  listen(listener: TransportListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  // ── hub → client: the event stream ────────────────────────────────────────

  async #readStream(): Promise<void> {
    let ending: TransportCloseEvent = { code: CLOSE_CODES.abnormal, reason: 'event stream ended' };
    try {
      const response = await this.#fetch(this.#base, {
        headers: { accept: 'text/event-stream' },
        signal: this.#abort.signal,
      });
      if (response.status !== 200 || !response.body) {
        ending = closeForStatus(response.status);
        await response.body?.cancel();
        return;
      }
      const parser = new SseParser();
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.#state === 'closed') return;
        for (const event of parser.push(value)) {
          const end = this.#onEvent(event);
          if (end) {
            ending = end;
            return;
          }
          if (this.#isClosed()) return;
        }
      }
    } catch {
      // A network error, an abort by `close()`, or a line too long: the stream is over.
    } finally {
      this.#fail(ending);
    }
  }

  /** Handles one event; returns how the transport ends when the event ends it. */
  #onEvent(event: SseEvent): TransportCloseEvent | undefined {
    switch (event.event) {
      case 'open': {
        const id = readField(event.data, 'id');
        if (this.#state !== 'connecting' || typeof id !== 'string') {
          return { code: CLOSE_CODES.protocolError, reason: 'unexpected open event' };
        }
        this.#postUrl = `${this.#base}/${encodeURIComponent(id)}`;
        this.#state = 'open';
        for (const l of [...this.#listeners]) l.open?.();
        return undefined;
      }
      case 'message':
        if (this.#state === 'open') for (const l of [...this.#listeners]) l.message?.(event.data);
        return undefined;
      case 'close': {
        const code = readField(event.data, 'code');
        const reason = readField(event.data, 'reason');
        return {
          code: typeof code === 'number' ? code : CLOSE_CODES.abnormal,
          reason: typeof reason === 'string' ? reason : '',
        };
      }
      default:
        // Events this client does not know are skipped, as EventSource would.
        return undefined;
    }
  }

  // ── client → hub: one POST per frame ──────────────────────────────────────

  /** Starts POSTs for waiting frames, at most {@link MAX_IN_FLIGHT} at a time. */
  #pump(): void {
    while (this.#state === 'open' && this.#inFlight < MAX_IN_FLIGHT && this.#waiting.length > 0) {
      const frame = this.#waiting.shift()!;
      this.#inFlight++;
      void this.#post(frame.seq, frame.data).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  /**
   * POSTs one frame. Requests may finish in any order (and a retry may repeat
   * one the server already has): the server sorts them out by `seq`.
   */
  async #post(seq: number, data: string): Promise<void> {
    for (let attempt = 1; this.#state === 'open'; attempt++) {
      let status = 0;
      try {
        const response = await this.#fetch(`${this.#postUrl}?seq=${seq}`, {
          method: 'POST',
          // text/plain: a cross-origin page sends it without a CORS preflight.
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          body: data,
          signal: this.#abort.signal,
        });
        status = response.status;
        await response.text();
      } catch {
        // A network error (status stays 0), or the abort of `close()`.
      }
      if (status >= 200 && status < 300) return;
      const transient = status === 0 || status >= 500;
      if (transient && attempt < POST_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, POST_RETRY_MS * attempt));
        continue;
      }
      this.#fail(closeForStatus(status));
      return;
    }
  }

  // ── the end ───────────────────────────────────────────────────────────────

  /** Not closed (a method, so checks after an `await` or a listener are not narrowed away). */
  #isClosed(): boolean {
    return this.#state === 'closed';
  }

  /** The transport ended from its side (stream over, POST refused): close and tell the listeners. */
  #fail(event: TransportCloseEvent): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#abort.abort();
    this.#finish(event);
  }

  /** Calls the close listeners, once. */
  #finish(event: TransportCloseEvent): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#waiting = [];
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const l of listeners) l.close?.(event);
  }
}

/** How a refused request ends the transport. */
function closeForStatus(status: number): TransportCloseEvent {
  switch (status) {
    case 404:
    case 410:
      return { code: CLOSE_CODES.abnormal, reason: 'connection gone' };
    case 409:
      return { code: CLOSE_CODES.policyViolation, reason: 'frames too far out of order' };
    case 413:
      return { code: CLOSE_CODES.tooLarge, reason: 'frame too large' };
    case 429:
      return { code: CLOSE_CODES.rateLimited, reason: 'rate limited' };
    default:
      return status === 0 || status >= 500
        ? { code: CLOSE_CODES.abnormal, reason: 'connection lost' }
        : { code: CLOSE_CODES.protocolError, reason: `HTTP ${status}` };
  }
}

/** One field of a JSON object, or undefined when the text is not one. */
function readField(json: string, field: string): unknown {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  } catch {
    return undefined;
  }
}
