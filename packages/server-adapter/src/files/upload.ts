/**
 * An upload from start to finish: stream to storage within the limit, sniff
 * the type from the content, keep the metadata, answer with the Attachment the
 * client puts in its `message.send`.
 */
import type { Readable } from 'node:stream';
import type { Attachment } from '@parley/core';
import type { FileRecord, ServerStore, Uploader } from '../store/server-store.js';
import type { FileCapabilities } from './capability.js';
import { cleanFileName } from './file-name.js';
import type { FileStorage } from './file-storage.js';
import { sniffFile } from './sniff.js';

/** Thrown when the content is of a type that is not accepted (answer 415). */
export class FileTypeRefusedError extends Error {
  override readonly name = 'FileTypeRefusedError';
}

/** Thrown for an empty upload (answer 400). */
export class EmptyFileError extends Error {
  override readonly name = 'EmptyFileError';
  constructor() {
    super('The file is empty.');
  }
}

/** One upload to receive. */
export interface UploadRequest {
  readonly fileId: string;
  readonly siteId: string;
  readonly sessionId?: string;
  readonly uploader: Uploader;
  /** The client's name for the file; cleaned before use. */
  readonly name?: string;
  readonly source: Readable;
  /** Most bytes accepted. */
  readonly limit: number;
  readonly now: number;
}

/** What {@link receiveUpload} needs. */
export interface UploadDeps {
  readonly store: ServerStore;
  readonly files: FileStorage;
  readonly capabilities: FileCapabilities;
}

/** The Attachment for a stored file, with its capability URL. */
export function attachmentOf(file: FileRecord, capabilities: FileCapabilities): Attachment {
  return { id: file.id, name: file.name, type: file.type, size: file.size, url: capabilities.url(file.id) };
}

/**
 * Receives an upload. Rejects with `FileTooLargeError`, `UploadAbortedError`,
 * {@link EmptyFileError} or {@link FileTypeRefusedError}, leaving nothing
 * stored.
 */
export async function receiveUpload(deps: UploadDeps, request: UploadRequest): Promise<Attachment> {
  const key = `${request.siteId}/${request.fileId}`;
  const name = cleanFileName(request.name);
  const { size } = await deps.files.write(key, request.source, request.limit);
  try {
    if (size === 0) throw new EmptyFileError();
    const open = async () => {
      const stream = await deps.files.read(key);
      if (!stream) throw new Error('The file vanished while it was being checked.');
      return stream;
    };
    const sniffed = await sniffFile(open, name);
    if (!sniffed.ok) throw new FileTypeRefusedError(sniffed.reason);
    const record: FileRecord = {
      id: request.fileId,
      siteId: request.siteId,
      ...(request.sessionId !== undefined && { sessionId: request.sessionId }),
      name,
      type: sniffed.type.mime,
      size,
      path: key,
      uploader: request.uploader,
      createdAt: request.now,
    };
    await deps.store.saveFile(record);
    return attachmentOf(record, deps.capabilities);
  } catch (error) {
    await deps.files.remove(key);
    throw error;
  }
}
