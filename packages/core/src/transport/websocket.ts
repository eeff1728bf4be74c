import type { Transport, TransportCloseEvent, TransportFactory, TransportListener } from './transport.js';
import { CLOSE_CODES } from './transport.js';

/**
 * A handler property typed as a method, so sockets whose handlers take a richer
 * event (the DOM's `MessageEvent`, `ws`'s `WebSocket.MessageEvent`) still fit.
 */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/**
 * The part of a WebSocket this transport uses. The browser's `WebSocket` and
 * the `ws` package's `WebSocket` both have it.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ readonly data: unknown }> | null;
  onclose: Handler<{ readonly code: number; readonly reason: string }> | null;
  onerror: Handler<unknown> | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** A WebSocket class: the browser's global `WebSocket`, or `ws`'s in Node. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface WebSocketTransportOptions {
  /**
   * The WebSocket class to use. Defaults to the global `WebSocket` (browsers,
   * Node ≥ 22); in Node 20 pass `ws`'s: `{ WebSocket }` from `import { WebSocket } from 'ws'`.
   */
  readonly WebSocket?: WebSocketConstructor;
}

/** `WebSocket.OPEN`, the same in every implementation. */
const OPEN = 1;

/** Longest close reason a WebSocket accepts, in UTF-8 bytes. */
const MAX_REASON_BYTES = 123;

/**
 * Makes a {@link TransportFactory} that opens a WebSocket to `url` on each
 * connection attempt.
 *
 * The transport keeps the {@link Transport} contract whatever the socket does:
 * `close` listeners are called exactly once, with the socket's code and reason,
 * or `1006` when the connection died without a close frame; frames that are not
 * text are ignored; `send` before `open` or after close does nothing; and
 * nothing it does throws (a socket that cannot even be created reports `error`
 * then a `1006` close).
 *
 * @throws TypeError when no WebSocket class is given and there is no global one.
 */
export function createWebSocketTransport(url: string, options: WebSocketTransportOptions = {}): TransportFactory {
  const Socket = options.WebSocket ?? (typeof WebSocket === 'undefined' ? undefined : WebSocket);
  if (!Socket) {
    throw new TypeError(
      'createWebSocketTransport: there is no global WebSocket here; pass one, e.g. { WebSocket } from the ws package.',
    );
  }
  return () => new WebSocketTransport(url, Socket);
}

class WebSocketTransport implements Transport {
  readonly #listeners = new Set<TransportListener>();
  #socket: WebSocketLike | undefined;
  #state: 'connecting' | 'open' | 'closed' = 'connecting';
  /** Whether the close listeners have been called (they are, exactly once). */
  #finished = false;

  constructor(url: string, Socket: WebSocketConstructor) {
    let socket: WebSocketLike;
    try {
      socket = new Socket(url);
    } catch (error) {
      // A bad URL or a blocked scheme: report it as a failed connection, after the
      // caller has had a chance to listen.
      queueMicrotask(() => {
        if (this.#state === 'closed') return;
        this.#emitError(error);
        this.#finish({ code: CLOSE_CODES.abnormal, reason: errorMessage(error) });
      });
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      if (this.#state !== 'connecting') return;
      this.#state = 'open';
      for (const l of [...this.#listeners]) l.open?.();
    };
    socket.onmessage = (event) => {
      if (this.#state !== 'open' || typeof event.data !== 'string') return;
      const data = event.data;
      for (const l of [...this.#listeners]) l.message?.(data);
    };
    socket.onerror = (event) => {
      if (this.#state !== 'closed') this.#emitError(event);
    };
    socket.onclose = (event) => {
      this.#detach();
      this.#finish({
        code: typeof event.code === 'number' && event.code > 0 ? event.code : CLOSE_CODES.abnormal,
        reason: typeof event.reason === 'string' ? event.reason : '',
      });
    };
  }

  send(data: string): void {
    const socket = this.#socket;
    if (this.#state !== 'open' || !socket || socket.readyState !== OPEN) return;
    try {
      socket.send(data);
    } catch (error) {
      this.#emitError(error);
    }
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#state === 'closed') return;
    const socket = this.#socket;
    this.#detach();
    if (socket) {
      try {
        socket.close(wireCode(code), clipReason(reason));
      } catch {
        // Already closing, or a socket that refuses the code: it is going away anyway.
      }
    }
    // Like the memory transport: the closing side learns at once, on the next
    // microtask, without waiting for a close handshake a dead network never finishes.
    this.#state = 'closed';
    const event = { code, reason };
    queueMicrotask(() => this.#finish(event));
  }

  listen(listener: TransportListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #emitError(error: unknown): void {
    for (const l of [...this.#listeners]) l.error?.(error);
  }

  /** Calls the close listeners, once. */
  #finish(event: TransportCloseEvent): void {
    if (this.#finished) return;
    this.#finished = true;
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    this.#state = 'closed';
    for (const l of listeners) l.close?.(event);
  }

  /** Stops listening to the socket, so a late event can no longer reach anyone. */
  #detach(): void {
    const socket = this.#socket;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    // Swallow late errors rather than unsubscribe: `ws` is an EventEmitter, and an
    // 'error' with no listener (e.g. closing while still connecting) would throw.
    socket.onerror = ignore;
  }
}

/**
 * Browsers accept only 1000 and 3000–4999 from a script; `ws` also takes the
 * other registered codes. Anything else goes on the wire as 1000; the local
 * close event still carries the caller's code.
 */
function wireCode(code: number): number {
  return code === CLOSE_CODES.normal || (code >= 3000 && code <= 4999) ? code : CLOSE_CODES.normal;
}

/** Cuts a reason to the 123 UTF-8 bytes a close frame can hold, on a character boundary. */
function clipReason(reason: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(reason).length <= MAX_REASON_BYTES) return reason;
  let clipped = '';
  let bytes = 0;
  for (const char of reason) {
    const size = encoder.encode(char).length;
    if (bytes + size > MAX_REASON_BYTES) break;
    clipped += char;
    bytes += size;
  }
  return clipped;
}

function ignore(): void {}

function errorMessage(error: unknown): string {
  return clipReason(error instanceof Error ? error.message : String(error));
}
