/** Writing API responses: JSON with safe headers, and errors in the one shape. */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { HttpError } from './errors.js';

/**
 * Headers on every API answer: no caching of private data, no sniffing, and
 * CORS open to any origin. CORS can be open because the API never relies on
 * cookies: a request carries its token explicitly or gets nothing.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After, Content-Disposition',
};

/** Sends a JSON body (or nothing, for 204). */
export function sendJson(res: ServerResponse, status: number, body?: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (status === 204 || body === undefined) {
    res.writeHead(status, { ...API_HEADERS, ...headers }).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      ...API_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

/**
 * Answers a failure. An {@link HttpError} is sent as it is; anything else is
 * logged and answered as a 500 that reveals nothing of it.
 */
export function sendError(res: ServerResponse, error: unknown, log: Logger, where: Record<string, unknown> = {}): void {
  if (error instanceof HttpError) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
    return;
  }
  log.error('http: unexpected error', { ...where, error });
  sendJson(res, 500, { error: { code: 'internal', message: 'Something went wrong on the server.' } });
}
