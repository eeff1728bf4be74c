/**
 * How files reach the server before the message that carries them is sent
 * (V12). The widget calls an {@link Uploader}; by default the HTTP one of a
 * Parley server ({@link createHttpUploader} in `http-uploader.ts`); a page
 * without a server (tests, demos, another backend) passes its own as
 * `<parley-chat>`'s `uploadFile`.
 */
import type { Attachment } from '@parley/core';

export interface UploadRequest {
  readonly file: Blob;
  /** The file's name as the visitor sees it. */
  readonly name: string;
  /** The session the file belongs to. */
  readonly sessionId: string;
  /** Called with the fraction sent so far, 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

/** Uploads one file and resolves with the attachment to put in a message; rejects with an {@link UploadError}. */
export type Uploader = (request: UploadRequest) => Promise<Attachment>;

/** Why an upload failed: `too-large` and `bad-type` come from the widget's checks or the server's answer. */
export type UploadErrorCode = 'too-large' | 'bad-type' | 'aborted' | 'failed';

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/**
 * Whether a file may be sent, before any byte leaves: its size against
 * `maxBytes`, its type against `accept` (a file input's `accept`: MIME types,
 * `type/*` wildcards and `.ext` suffixes; empty accepts all).
 */
export function checkFile(file: { readonly name: string; readonly type: string; readonly size: number }, maxBytes: number, accept: string): UploadErrorCode | undefined {
  if (file.size > maxBytes) return 'too-large';
  const rules = accept.split(',').map((rule) => rule.trim().toLowerCase()).filter(Boolean);
  if (rules.length === 0) return undefined;
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  const ok = rules.some((rule) =>
    rule.startsWith('.') ? name.endsWith(rule) : rule.endsWith('/*') ? type.startsWith(rule.slice(0, -1)) : type === rule,
  );
  return ok ? undefined : 'bad-type';
}
