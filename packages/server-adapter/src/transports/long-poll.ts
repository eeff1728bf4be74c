/**
 * The long-poll transport's HTTP side, at `/parley/poll` (see the wire format
 * in `@parley/core`'s `long-poll.ts`):
 *
 * - `POST /parley/poll?siteId=…` (or `?role=agent`) opens a channel: the same
 *   per-IP limit and Origin check as WebSocket, then an unguessable id (144
 *   random bits);
 * - `GET /parley/poll/<id>?cursor=<n>` is held up to `pollMs` (25 s);
 * - `POST /parley/poll/<id>` sends frames; each must fit `frameBytes` (else
 *   `413` and close 1009), the body `pollBodyBytes`; they pass the same rate
 *   limit and hello check as WebSocket frames;
 * - `POST /parley/poll/<id>/close` closes.
 *
 * Channels nobody polled for `channelTimeoutMs` expire (the hub sees 1006).
 * Answers carry CORS headers for the channel's Origin, and requests are plain
 * `text/plain` so browsers send no preflight.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { CLOSE_CODES, SERVER_PATHS } from '@parley/core';

import type { Logger } from '../log.js';
import { InboundGuard } from './inbound-guard.js';
import { LongPollChannel, type ChannelHost } from './long-poll-channel.js';
import type { TransportLimits, TransportRateLimits } from './options.js';
import type { OriginPolicy } from './origin-policy.js';
import type { IpLimiter } from './rate-limit.js';
import { clientIp, connectionInfo, ownOrigin, requestOrigin, type AcceptConnection } from './request-info.js';
import { parseTarget } from './target.js';

/** What {@link createLongPollGateway} needs. */
export interface LongPollGatewayOptions {
  /** Default `/parley/poll`. */
  readonly path?: string;
  /** Receives each new channel as a `Transport`: `(t, info) => hub.connect(t, info)`. */
  readonly accept: AcceptConnection;
  /** Decides on the Origin before a channel opens. */
  readonly origins: OriginPolicy;
  /** New channels per IP (shared with WebSocket). */
  readonly ipLimiter: IpLimiter;
  readonly limits: TransportLimits;
  readonly rateLimits: TransportRateLimits;
  /** Refusals and failures are logged here. */
  readonly logger: Logger;
  /** Read the client IP and scheme from `X-Forwarded-*`. Default false. */
  readonly trustProxy?: boolean;
  /** How long a poll is held when there is nothing to send. Default 25 000 ms. */
  readonly pollMs?: number;
  /** A channel nobody polled for this long expires. Default 60 000 ms. */
  readonly channelTimeoutMs?: number;
  /** How long a closed channel still answers polls with its last frames and close. Default 10 000 ms. */
  readonly tombstoneMs?: number;
}

/** A long-poll request handler and the channels it holds. */
export interface LongPollGateway {
  /** Handles a request if it is under the long-poll path; resolves false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Open channels. */
  readonly size: number;
  /** Stops opening channels and closes every one with `code` and `reason` (held polls are answered at once). */
  close(code?: number, reason?: string): Promise<void>;
}

/** Makes the long-poll request handler. */
export function createLongPollGateway(options: LongPollGatewayOptions): LongPollGateway {
  const path = options.path ?? SERVER_PATHS.longPoll;
  const prefix = `${path}/`;
  const trustProxy = options.trustProxy ?? false;
  const pollMs = options.pollMs ?? 25_000;
  const channelTimeoutMs = options.channelTimeoutMs ?? 60_000;
  const tombstoneMs = options.tombstoneMs ?? 10_000;
  const { logger, limits, rateLimits } = options;
  const channels = new Map<string, LongPollChannel>();
  let open = 0;
  let accepting = true;

  const host: ChannelHost = {
    maxBuffered: limits.bufferedBytes,
    pollMs,
    answer: (res, status, body, origin) => reply(res, status, body, origin),
    ended(channel) {
      open--;
      setTimeout(() => channels.delete(channel.id), tombstoneMs).unref();
    },
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const channel of channels.values()) {
      if (!channel.isClosed && !channel.polling && now - channel.lastSeen > channelTimeoutMs) channel.expire();
    }
  }, Math.min(5_000, channelTimeoutMs / 2));
  sweep.unref();

  async function openChannel(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const origin = requestOrigin(req);
    if (!accepting) return reply(res, 503, problem('shutting_down', 'The server is shutting down.'), origin);
    const ip = clientIp(req, trustProxy);
    if (!options.ipLimiter.allow(ip)) {
      logger.warn('transport.refused', { transport: 'long-poll', ip, status: 429 });
      return reply(res, 429, problem('rate_limited', 'Too many connections from this address; try again later.'), origin);
    }
    const target = parseTarget(url.searchParams);
    if (!target) return reply(res, 400, problem('bad_target', 'Say ?siteId=… (visitors) or ?role=agent (agents).'), origin);
    const verdict = await options.origins.check(target, origin, ownOrigin(req, trustProxy));
    if (verdict !== 'allowed') {
      logger.warn('transport.refused', { transport: 'long-poll', ip, origin, status: verdict === 'forbidden' ? 403 : 404 });
      // No CORS headers on a refusal: the page may not read it.
      return verdict === 'forbidden'
        ? reply(res, 403, problem('origin_not_allowed', 'This origin may not connect.'), undefined)
        : reply(res, 404, problem('not_found', 'No such site.'), origin);
    }
    await drain(req, 0);
    const now = Date.now();
    const id = randomBytes(18).toString('base64url');
    const channel = new LongPollChannel(id, origin, new InboundGuard(target, rateLimits, now), host, now);
    channels.set(id, channel);
    open++;
    reply(res, 200, JSON.stringify({ id, pollMs }), origin);
    try {
      options.accept(channel, connectionInfo(req, trustProxy));
    } catch (error) {
      logger.error('transport.accept-failed', { transport: 'long-poll', error });
      channel.close(CLOSE_CODES.serverError, 'server error');
    }
  }

  async function onChannel(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [id, action, extra] = url.pathname.slice(prefix.length).split('/');
    const origin = requestOrigin(req);
    const channel = id ? channels.get(id) : undefined;
    if (!channel || extra !== undefined || (action !== undefined && action !== 'close')) {
      return reply(res, 404, problem('not_found', 'No such long-poll channel (it may have expired).'), origin);
    }
    if (origin !== channel.origin) return reply(res, 403, problem('origin_not_allowed', 'Not the origin that opened this channel.'), undefined);
    const now = Date.now();
    if (action === 'close') {
      if (req.method !== 'POST') return reply(res, 405, problem('method_not_allowed', 'Use POST.'), origin);
      await drain(req, 0);
      const code = Number(url.searchParams.get('code'));
      const reason = (url.searchParams.get('reason') ?? '').slice(0, 123);
      channel.closedByClient(Number.isInteger(code) && code >= 1000 && code <= 4999 ? code : CLOSE_CODES.normal, reason);
      return reply(res, 204, '', origin);
    }
    if (req.method === 'GET') {
      const cursor = Number(url.searchParams.get('cursor') ?? '0');
      if (!Number.isSafeInteger(cursor) || cursor < 0) return reply(res, 400, problem('bad_cursor', 'cursor must be a whole number.'), origin);
      channel.poll(res, cursor, now);
      return;
    }
    if (req.method !== 'POST') return reply(res, 405, problem('method_not_allowed', 'Use GET or POST.'), origin);
    const body = await readBody(req, limits.pollBodyBytes);
    if (body === undefined) {
      channel.close(CLOSE_CODES.tooLarge, 'request too large');
      return reply(res, 413, problem('frame_too_large', `A request may hold at most ${limits.pollBodyBytes} bytes.`), origin);
    }
    const batch = parseBatch(body);
    if (!batch) return reply(res, 400, problem('bad_request', 'Expected {"seq": n, "frames": ["…"]}.'), origin);
    if (batch.seq > channel.received + 1) return reply(res, 400, problem('bad_seq', 'seq skips frames.'), origin);
    if (batch.frames.some((frame) => Buffer.byteLength(frame) > limits.frameBytes)) {
      channel.close(CLOSE_CODES.tooLarge, 'frame too large');
      return reply(res, 413, problem('frame_too_large', `A frame may hold at most ${limits.frameBytes} bytes.`), origin);
    }
    if (channel.isClosed) return reply(res, 410, problem('closed', 'The channel is closed.'), origin);
    channel.deliver(batch.seq, batch.frames, now);
    reply(res, 200, `{"received":${channel.received}}`, origin);
  }

  return {
    get size() {
      return open;
    },
    async handle(req, res) {
      const url = parseUrl(req.url);
      if (!url || (url.pathname !== path && !url.pathname.startsWith(prefix))) return false;
      if (req.method === 'OPTIONS') {
        preflight(res, requestOrigin(req));
        return true;
      }
      try {
        if (url.pathname === path) {
          if (req.method !== 'POST') reply(res, 405, problem('method_not_allowed', 'Open a channel with POST.'), requestOrigin(req));
          else await openChannel(req, res, url);
        } else {
          await onChannel(req, res, url);
        }
      } catch (error) {
        logger.error('transport.long-poll-failed', { error });
        if (!res.headersSent) reply(res, 500, problem('internal', 'Server error.'), undefined);
      }
      return true;
    },
    async close(code = CLOSE_CODES.goingAway, reason = 'server shutting down') {
      accepting = false;
      clearInterval(sweep);
      for (const channel of channels.values()) channel.close(code, reason);
      // Let the held polls carry the close out.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Writes an answer; with an origin, the CORS headers that let that page read it. */
function reply(res: ServerResponse, status: number, body: string, origin: string | undefined): void {
  if (res.headersSent || res.writableEnded) return;
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (body) {
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  if (origin !== undefined) {
    headers['access-control-allow-origin'] = origin;
    headers.vary = 'Origin';
  }
  res.writeHead(status, headers);
  res.end(body);
}

/** Answers a CORS preflight (browsers send none for our text/plain requests; this is for custom headers). */
function preflight(res: ServerResponse, origin: string | undefined): void {
  res.writeHead(204, {
    ...(origin !== undefined && { 'access-control-allow-origin': origin, vary: 'Origin' }),
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
  });
  res.end();
}

function problem(error: string, reason: string): string {
  return JSON.stringify({ error, reason });
}

/** Reads a body up to `max` bytes; undefined when it is larger (the rest is discarded). */
async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Discards a body that should be empty (reading at most `max` bytes of it). */
async function drain(req: IncomingMessage, max: number): Promise<void> {
  await readBody(req, max);
}

function parseBatch(body: string): { seq: number; frames: string[] } | undefined {
  try {
    const value = JSON.parse(body) as { seq?: unknown; frames?: unknown };
    if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 1 || !Array.isArray(value.frames)) return undefined;
    if (value.frames.length > 1000 || !value.frames.every((f) => typeof f === 'string')) return undefined;
    return { seq: value.seq as number, frames: value.frames as string[] };
  } catch {
    return undefined;
  }
}

function parseUrl(url: string | undefined): URL | undefined {
  try {
    return new URL(url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}
