/**
 * Sends a stored file with headers that keep a browser from treating it as
 * anything but what it is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { FileRecord } from '../store/server-store.js';
import { contentDisposition, nameForType } from './file-name.js';
import type { FileStorage } from './file-storage.js';
import { acceptedType } from './file-types.js';

/**
 * The headers of a download:
 * - the sniffed type, and `nosniff` so the browser does not guess another;
 * - images inline (the widget's `<img>`), everything else as an attachment
 *   with a name whose extension matches the content;
 * - `default-src 'none'; sandbox`: even opened directly, nothing in it runs;
 * - `Cross-Origin-Resource-Policy: cross-origin`, because the widget lives on
 *   the site's origin, not the server's — the capability in the URL, not the
 *   origin, is what guards the file;
 * - `private` caching: the bytes of an id never change, but shared caches must not keep them.
 */
export function downloadHeaders(file: FileRecord): Record<string, string> {
  const type = acceptedType(file.type);
  const inline = type?.inline === true;
  return {
    'Content-Type': type ? file.type : 'application/octet-stream',
    'Content-Length': String(file.size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', type ? nameForType(file.name, type) : file.name),
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${file.id}"`,
  };
}

/** Answers a GET or HEAD for a file already authorised; 304 when the client has it. */
export async function serveFile(req: IncomingMessage, res: ServerResponse, file: FileRecord, files: FileStorage): Promise<boolean> {
  const headers = downloadHeaders(file);
  if (req.headers['if-none-match'] === headers.ETag) {
    const { 'Content-Length': _length, ...rest } = headers;
    res.writeHead(304, rest).end();
    return true;
  }
  const stream = await files.read(file.path);
  if (!stream) return false;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    stream.destroy();
    res.end();
    return true;
  }
  try {
    await pipeline(stream, res);
  } catch {
    // The client went away or the disk failed mid-way: the response is already cut.
    res.destroy();
  }
  return true;
}
