/**
 * Sending files in a chat (A5): the conversation panel uploads each file with
 * an {@link UploadFunction} and sends the resulting attachment. The default
 * one posts to a Parley server's `POST /api/files?sessionId=&name=` with the
 * agent's token; a page without a server passes its own.
 */
import type { Attachment } from '@parley/core';
import { ApiError } from './http.js';

export type UploadFunction = (file: Blob, name: string, sessionId: string, signal?: AbortSignal) => Promise<Attachment>;

export function httpUpload(serverUrl: string, token: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): UploadFunction {
  const base = `${serverUrl.replace(/\/+$/, '')}/api/files`;
  return async (file, name, sessionId, signal) => {
    const url = `${base}?sessionId=${encodeURIComponent(sessionId)}&name=${encodeURIComponent(name)}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
        ...(signal && { signal }),
      });
    } catch (error) {
      throw new ApiError('network', String(error));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const failure = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new ApiError(failure?.code ?? `http_${response.status}`, failure?.message ?? response.statusText, response.status);
    }
    return body as Attachment;
  };
}
