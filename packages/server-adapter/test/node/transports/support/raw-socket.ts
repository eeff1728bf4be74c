/** A raw `ws` client that records frames and its close, for tests that speak the protocol by hand. */
import { WebSocket } from 'ws';

export interface RawSocket {
  readonly ws: WebSocket;
  /** Decoded frames received so far. */
  readonly frames: Record<string, unknown>[];
  closed: { code: number; reason: string } | undefined;
  /** Resolves with the HTTP status when the upgrade is refused, or 101 when it opens. */
  readonly opened: Promise<number>;
  send(frame: unknown): void;
  /** Waits until a frame matching `predicate` arrived (or fails after `ms`). */
  next(predicate: (frame: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  waitClose(ms?: number): Promise<{ code: number; reason: string }>;
}

export function openRaw(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers });
  const frames: Record<string, unknown>[] = [];
  const socket: RawSocket = {
    ws,
    frames,
    closed: undefined,
    opened: new Promise((resolve) => {
      ws.on('open', () => resolve(101));
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      ws.on('error', () => resolve(0));
    }),
    send(frame) {
      ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    },
    async next(predicate, ms = 5_000) {
      const start = Date.now();
      for (;;) {
        const found = frames.find(predicate);
        if (found) return found;
        if (Date.now() - start > ms) throw new Error(`no such frame; got ${JSON.stringify(frames.map((f) => f.type))}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async waitClose(ms = 5_000) {
      const start = Date.now();
      while (!socket.closed) {
        if (Date.now() - start > ms) throw new Error('no close');
        await new Promise((r) => setTimeout(r, 5));
      }
      return socket.closed;
    },
  };
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>));
  ws.on('close', (code, reason) => (socket.closed = { code, reason: reason.toString() }));
  return socket;
}
