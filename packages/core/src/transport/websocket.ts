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
  if (!Socket) throw new TypeError('createWebSocketTransport: no global WebSocket; pass one (e.g. ws\'s).');
  return () => openWebSocket(url, Socket);
}

function openWebSocket(url: string, Socket: WebSocketConstructor): Transport {
  const listeners = new Set<TransportListener>();
  let socket: WebSocketLike | undefined;
  let state: 'connecting' | 'open' | 'closed' = 'connecting';
  /** Whether the close listeners have been called (they are, exactly once). */
  let finished = false;

  const each = (call: (listener: TransportListener) => void) => [...listeners].forEach(call);
  const emitError = (error: unknown) => each((l) => l.error?.(error));
  const finish = (event: TransportCloseEvent) => {
    if (finished) return;
    finished = true;
    state = 'closed';
    const called = [...listeners];
    listeners.clear();
    for (const l of called) l.close?.(event);
  };
  /** Stops listening to the socket, so a late event can no longer reach anyone. */
  const detach = () => {
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    // Swallow late errors rather than unsubscribe: `ws` is an EventEmitter, and an
    // 'error' with no listener (e.g. closing while still connecting) would throw.
    socket.onerror = () => {};
  };

  try {
    socket = new Socket(url);
    socket.onopen = () => {
      if (state !== 'connecting') return;
      state = 'open';
      each((l) => l.open?.());
    };
    socket.onmessage = ({ data }) => {
      if (state === 'open' && typeof data === 'string') each((l) => l.message?.(data));
    };
    socket.onerror = (event) => {
      if (state !== 'closed') emitError(event);
    };
    socket.onclose = ({ code, reason }) => {
      detach();
      finish({
        code: typeof code === 'number' && code > 0 ? code : CLOSE_CODES.abnormal,
        reason: typeof reason === 'string' ? reason : '',
      });
    };
  } catch (error) {
    // A bad URL or a blocked scheme: report it as a failed connection, after the
    // caller has had a chance to listen.
    queueMicrotask(() => {
      if (state === 'closed') return;
      emitError(error);
      finish({ code: CLOSE_CODES.abnormal, reason: clipReason(error instanceof Error ? error.message : String(error)) });
    });
  }

  return {
    send(data) {
      if (state !== 'open' || socket?.readyState !== OPEN) return;
      try {
        socket.send(data);
      } catch (error) {
        emitError(error);
      }
    },
    close(code = CLOSE_CODES.normal, reason = '') {
      if (state === 'closed') return;
      detach();
      try {
        socket?.close(wireCode(code), clipReason(reason));
      } catch {
        // Already closing, or a socket that refuses the code: it is going away anyway.
      }
      // Like the memory transport: the closing side learns at once, on the next
      // microtask, without waiting for a close handshake a dead network never finishes.
      state = 'closed';
      queueMicrotask(() => finish({ code, reason }));
    },
    listen(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * Browsers accept only 1000 and 3000–4999 from a script; `ws` also takes the
 * other registered codes. Anything else goes on the wire as 1000; the local
 * close event still carries the caller's code.
 */
function wireCode(code: number): number {
  return code >= 3000 && code <= 4999 ? code : CLOSE_CODES.normal;
}

/** Cuts a reason to the 123 UTF-8 bytes a close frame can hold, on a character boundary. */
function clipReason(reason: string): string {
  const encoder = new TextEncoder();
  let clipped = '';
  for (const char of reason) {
    if (encoder.encode(clipped + char).length > MAX_REASON_BYTES) break;
    clipped += char;
  }
  return clipped;
}
