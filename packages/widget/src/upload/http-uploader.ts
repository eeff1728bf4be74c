import type { Attachment } from '@parley/core';

import { UploadError, type Uploader } from './uploader.js';

export interface HttpUploaderOptions {
  /** The Parley server, `https://chat.example.com`. */
  readonly serverUrl: string;
  /** The visitor's token (`Authorization: Visitor <token>`). */
  readonly token: () => Promise<string | undefined>;
}

/**
 * Uploads to a Parley server: `POST /api/files?sessionId=&name=` with the raw
 * file as the body; the server answers the `Attachment`. XMLHttpRequest, for
 * upload progress. 413 and 415 become `too-large` and `bad-type`.
 */
export function createHttpUploader(options: HttpUploaderOptions): Uploader {
  const base = options.serverUrl.replace(/\/+$/, '');
  return async ({ file, name, sessionId, onProgress, signal }) => {
    const token = await options.token();
    return new Promise<Attachment>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${base}/api/files?sessionId=${encodeURIComponent(sessionId)}&name=${encodeURIComponent(name)}`);
      if (token) xhr.setRequestHeader('Authorization', `Visitor ${token}`);
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        if (xhr.status === 201 || xhr.status === 200) {
          try {
            resolve(JSON.parse(xhr.responseText) as Attachment);
          } catch {
            reject(new UploadError('failed', 'The server answered something that is not an attachment.'));
          }
          return;
        }
        const code = xhr.status === 413 ? 'too-large' : xhr.status === 415 ? 'bad-type' : 'failed';
        reject(new UploadError(code, `The server refused the file (${xhr.status}).`));
      };
      xhr.onerror = () => reject(new UploadError('failed', 'The file could not be sent.'));
      xhr.onabort = () => reject(new UploadError('aborted', 'The upload was cancelled.'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file);
    });
  };
}

