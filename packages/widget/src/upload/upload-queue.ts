import type { Attachment } from '@parley/core';

import { checkFile, UploadError, type UploadErrorCode, type Uploader } from './uploader.js';

/** One file on its way, or one that could not go (until dismissed). */
export interface UploadItem {
  readonly id: number;
  readonly name: string;
  /** Fraction sent, 0 to 1. */
  readonly progress: number;
  readonly error?: UploadErrorCode;
}

export interface UploadLimits {
  readonly maxBytes: number;
  readonly accept: string;
}

/**
 * The files the visitor is sending: checked before upload (size and type),
 * uploaded with progress, cancelable; a failure stays listed with its reason
 * until dismissed. `onChange` is called whenever the list changes.
 */
export class UploadQueue {
  #items: UploadItem[] = [];
  readonly #aborts = new Map<number, AbortController>();
  readonly #onChange: () => void;
  #next = 0;

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  get items(): readonly UploadItem[] {
    return this.#items;
  }

  /** Checks and uploads one file; resolves with its attachment, or undefined when it failed or was cancelled. */
  async upload(file: Blob, name: string, sessionId: string, uploader: Uploader, limits: UploadLimits): Promise<Attachment | undefined> {
    const id = ++this.#next;
    const refused = checkFile({ name, type: file.type, size: file.size }, limits.maxBytes, limits.accept);
    if (refused) {
      this.#set({ id, name, progress: 0, error: refused });
      return undefined;
    }
    const abort = new AbortController();
    this.#aborts.set(id, abort);
    this.#set({ id, name, progress: 0 });
    try {
      const attachment = await uploader({
        file,
        name,
        sessionId,
        signal: abort.signal,
        onProgress: (progress) => this.#set({ id, name, progress }),
      });
      this.#remove(id);
      return attachment;
    } catch (error) {
      const code = error instanceof UploadError ? error.code : 'failed';
      if (code === 'aborted') this.#remove(id);
      else this.#set({ id, name, progress: 0, error: code });
      return undefined;
    } finally {
      this.#aborts.delete(id);
    }
  }

  /** Cancels an upload in progress. */
  cancel(id: number): void {
    this.#aborts.get(id)?.abort();
  }

  /** Removes a failed upload from the list. */
  dismiss(id: number): void {
    this.#remove(id);
  }

  #set(item: UploadItem): void {
    const at = this.#items.findIndex((i) => i.id === item.id);
    this.#items = at === -1 ? [...this.#items, item] : this.#items.map((i) => (i.id === item.id ? item : i));
    this.#onChange();
  }

  #remove(id: number): void {
    this.#items = this.#items.filter((i) => i.id !== id);
    this.#onChange();
  }
}
