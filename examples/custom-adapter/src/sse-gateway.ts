/**
 * The HTTP side of the SSE transport: turns requests into {@link SseConnection}s
 * and hands each one to the hub. Wire format: `sse-wire.ts`.
 *
 * - `GET /parley/sse` opens a stream: a fresh unguessable id, the `open`
 *   event, then `accept(connection, context)` — typically `hub.connect`.
 * - `POST /parley/sse/<id>?seq=<n>` carries one frame: at most
 *   {@link MAX_FRAME_BYTES} (else `413`, and the connection closes with 1009),
 *   delivered in `seq` order.
 *
 * Left out, on purpose, to stay short (the reference server has them; see
 * docs/custom-adapter.md): rate limits per IP and per connection, an Origin
 * check before the stream opens (the hub still checks a visitor's Origin
 * against the site's `allowedOrigins` at `hello`), and the agents' console
 * origin.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { CLOSE_CODES, type Transport } from '@parley/core';
import type { ConnectionContext } from '@parley/core/hub';

import { SseConnection } from './sse-connection.js';
import { encodeEvent, MAX_FRAME_BYTES, SSE_PATH } from './sse-wire.js';

/** How often an idle stream gets a comment line, so proxies do not cut it. */
const KEEP_ALIVE_MS = 15_000;

export interface SseGateway {
  /** Handles the request if it is for the SSE transport; returns false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Open connections, by id. */
  readonly connections: ReadonlyMap<string, SseConnection>;
  /** Closes every connection (1001: the client reconnects elsewhere or later). */
  close(): void;
}

/**
 * @param accept receives each new connection: `(t, context) => hub.connect(t, context)`.
 */
export function createSseGateway(accept: (transport: Transport, context: ConnectionContext) => void): SseGateway {
  const connections = new Map<string, SseConnection>();
  const prefix = `${SSE_PATH}/`;
  const keepAlive = setInterval(() => {
    for (const connection of connections.values()) connection.keepAlive();
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  function openStream(req: IncomingMessage, res: ServerResponse): void {
    // 18 random bytes: 144 bits, as the reference server's long-poll ids.
    const id = randomBytes(18).toString('base64url');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx buffers responses unless told not to.
      'x-accel-buffering': 'no',
      ...cors(req),
    });
    res.write(encodeEvent('open', JSON.stringify({ id })));
    const connection = new SseConnection(id, res);
    connections.set(id, connection);
    connection.listen({ close: () => connections.delete(id) });
    // What the server knows of the client comes from the request, never from frames.
    const origin = req.headers.origin;
    const userAgent = req.headers['user-agent'];
    accept(connection, {
      ...(req.socket.remoteAddress !== undefined && { ip: req.socket.remoteAddress }),
      ...(origin !== undefined && { origin }),
      ...(userAgent !== undefined && { userAgent: userAgent.slice(0, 512) }),
    });
  }

  async function postFrame(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const connection = connections.get(url.pathname.slice(prefix.length));
    if (!connection) return reply(req, res, 404, 'No such connection (it may have closed).');
    const seq = Number(url.searchParams.get('seq'));
    if (!Number.isSafeInteger(seq) || seq < 1) return reply(req, res, 400, 'seq must be a whole number from 1.');
    const frame = await readBody(req, MAX_FRAME_BYTES);
    if (frame === undefined) {
      connection.close(CLOSE_CODES.tooLarge, 'frame too large');
      return reply(req, res, 413, `A frame may hold at most ${MAX_FRAME_BYTES} bytes.`);
    }
    switch (connection.receive(seq, frame)) {
      case 'delivered':
      case 'held':
      case 'duplicate':
        return reply(req, res, 202, '');
      case 'too-far-ahead':
        connection.close(CLOSE_CODES.policyViolation, 'frames too far out of order');
        return reply(req, res, 409, 'Too many frames in flight.');
      case 'closed':
        return reply(req, res, 410, 'The connection is closed.');
    }
  }

  return {
    connections,
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (url.pathname === SSE_PATH && req.method === 'GET') openStream(req, res);
        else if (url.pathname.startsWith(prefix) && req.method === 'POST') await postFrame(req, res, url);
        else return false;
      } catch (error) {
        console.error('sse gateway:', error);
        if (!res.headersSent) reply(req, res, 500, 'Server error.');
        else res.destroy();
      }
      return true;
    },
    close() {
      clearInterval(keepAlive);
      for (const connection of connections.values()) connection.close(CLOSE_CODES.goingAway, 'server shutting down');
    },
  };
}

/**
 * Lets a page on another origin read the answers. Requests need no preflight:
 * the stream's `Accept` and the POSTs' `text/plain` are CORS-safelisted.
 */
function cors(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin === undefined ? {} : { 'access-control-allow-origin': origin, vary: 'Origin' };
}

function reply(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...cors(req) });
  res.end(reason);
}

/**
 * Reads a request body of at most `max` bytes; undefined when it is larger.
 * The rest of a larger body is read and dropped, so the answer can still go out.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length']) > max;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
