/** What a transport reads from an HTTP request: client IP, Origin, own origin, user agent. */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** What the server knows of a connection, handed to `hub.connect`. */
export interface ConnectionInfo {
  readonly ip?: string;
  readonly origin?: string;
  readonly userAgent?: string;
}

/** Hands a transport to the hub: `(transport, info) => hub.connect(transport, info)`. */
export type AcceptConnection = (transport: import('@parley/core').Transport, info: ConnectionInfo) => void;

/** The client's IP: the socket's peer, or with `trustProxy` the first `X-Forwarded-For` entry. */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  const address = req.socket.remoteAddress ?? 'unknown';
  // IPv4 peers of a dual-stack socket show as ::ffff:a.b.c.d.
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** The `Origin` header, if one was sent. */
export function requestOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin.length > 0 ? origin.slice(0, 512) : undefined;
}

/** The origin this request reached the server on (`http(s)://host[:port]`). */
export function ownOrigin(req: IncomingMessage, trustProxy: boolean): string {
  let scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  if (trustProxy) {
    const proto = req.headers['x-forwarded-proto'];
    const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim();
    if (first === 'https' || first === 'http') scheme = first;
  }
  return `${scheme}://${req.headers.host ?? 'localhost'}`;
}

/** The `User-Agent` header, cut to a sane length. */
export function userAgent(req: IncomingMessage): string | undefined {
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 512) : undefined;
}

/** The request's connection info for the hub. */
export function connectionInfo(req: IncomingMessage, trustProxy: boolean): ConnectionInfo {
  const origin = requestOrigin(req);
  const ua = userAgent(req);
  return { ip: clientIp(req, trustProxy), ...(origin !== undefined && { origin }), ...(ua !== undefined && { userAgent: ua }) };
}
