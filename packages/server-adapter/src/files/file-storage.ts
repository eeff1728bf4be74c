/**
 * Where uploaded bytes live. {@link createDiskFileStorage} keeps them under a
 * folder; an object store (S3 and the like) can implement the same interface.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/** Thrown by {@link FileStorage.write} when the source passes the limit. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes.`);
  }
}

/** Thrown by {@link FileStorage.write} when the source ends early (the client went away). */
export class UploadAbortedError extends Error {
  override readonly name = 'UploadAbortedError';
  constructor() {
    super('The upload was interrupted.');
  }
}

/** Stores file contents by key (`<siteId>/<fileId>`; letters, digits, `_` and `-` only). */
export interface FileStorage {
  /**
   * Streams `source` to `key`, never more than `limit` bytes: as soon as the
   * source passes it, writing stops, the partial file is removed and the
   * promise rejects with {@link FileTooLargeError}. The key becomes visible
   * only once complete. The source is paused, not destroyed, on failure, so
   * the caller can still answer an HTTP request.
   */
  write(key: string, source: Readable, limit: number): Promise<{ size: number }>;
  /** The contents, or undefined when there is no such file. */
  read(key: string): Promise<Readable | undefined>;
  /** Removes a file; nothing happens when it is missing. */
  remove(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{1,128}(?:\/[A-Za-z0-9_-]{1,128}){0,3}$/;

/** A {@link FileStorage} on the local disk under `dir` (created when missing). */
export function createDiskFileStorage(dir: string): FileStorage {
  const root = resolve(dir);
  const pathOf = (key: string) => {
    // Keys are our own ids, but check anyway: nothing may resolve outside the folder.
    if (!KEY.test(key)) throw new Error(`Invalid file key: ${JSON.stringify(key)}`);
    const path = join(root, ...key.split('/'));
    if (!path.startsWith(root + sep)) throw new Error('Invalid file key.');
    return path;
  };

  return {
    async write(key, source, limit) {
      const path = pathOf(key);
      const part = `${path}.part`;
      await mkdir(dirname(path), { recursive: true });
      const out = createWriteStream(part, { flags: 'wx' });
      let size = 0;
      let settled = false;
      let ended = false;
      return new Promise((resolvePromise, reject) => {
        const detach = () => {
          source.off('data', onData);
          source.off('end', onEnd);
          source.off('error', onAbort);
          source.off('close', onClose);
        };
        const fail = (error: Error) => {
          if (settled) return;
          settled = true;
          detach();
          source.pause();
          out.destroy();
          // Remove the partial file once the stream has let go of it.
          const removePart = () => void rm(part, { force: true }).catch(() => undefined).then(() => reject(error));
          if (out.closed) removePart();
          else out.once('close', removePart);
        };
        function onData(chunk: Buffer) {
          // Checked before writing: the file on disk never exceeds the limit.
          if (size + chunk.length > limit) return fail(new FileTooLargeError(limit));
          size += chunk.length;
          if (!out.write(chunk)) {
            source.pause();
            out.once('drain', () => !settled && source.resume());
          }
        }
        function onEnd() {
          ended = true;
          detach();
          out.end(() => {
            // On a write error the callback runs too; onWriteError has handled it.
            if (settled || out.errored) return;
            settled = true;
            rename(part, path).then(
              () => resolvePromise({ size }),
              (error: Error) => void rm(part, { force: true }).catch(() => undefined).then(() => reject(error)),
            );
          });
        }
        const onAbort = () => fail(new UploadAbortedError());
        const onClose = () => !ended && fail(new UploadAbortedError());
        // Stays attached to the end: an unhandled 'error' would take the process down.
        const onWriteError = (error: Error) => fail(error);
        source.on('data', onData);
        source.once('end', onEnd);
        source.once('error', onAbort);
        source.once('close', onClose);
        out.on('error', onWriteError);
        // The source may have been torn down while the folder was being made.
        if (source.destroyed && !source.readableEnded) return onAbort();
        source.resume();
      });
    },

    async read(key) {
      try {
        const handle = await open(pathOf(key), 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },

    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
