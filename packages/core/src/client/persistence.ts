/**
 * A client's keys in its {@link ClientStorage}, under its own prefix: the
 * visitor's token and open sessions, the agent's id, and what the chat
 * machinery keeps (see `transcript.ts`).
 *
 * Writes go out one after another, in the order they were made (a later
 * write never overtakes an earlier one). Storage failures are reported,
 * never thrown: the client then works from memory.
 */
import { Issue, type Schema } from '../protocol/schemas/validator.js';
import type { ClientStorage } from './storage.js';

/** What `schema` makes of a stored value (unknown keys dropped), or undefined when it does not pass. */
export const readStored = <T>(schema: Schema<T>, value: unknown): T | undefined => {
  const output = schema.run(value);
  return output instanceof Issue ? undefined : output;
};

export class ClientPersistence {
  readonly #storage: ClientStorage;
  readonly #prefix: string;
  readonly #onError: (error: unknown) => void;
  #queue: Promise<void> = Promise.resolve();

  constructor(storage: ClientStorage, prefix: string, onError: (error: unknown) => void) {
    this.#storage = storage;
    this.#prefix = prefix;
    this.#onError = onError;
  }

  /** Reads a key of this client's; undefined when missing or when storage fails. */
  async get<T>(key: string): Promise<T | undefined> {
    try {
      return await this.#storage.get<T>(this.#prefix + key);
    } catch (error) {
      this.#onError(error);
      return undefined;
    }
  }

  /** Every entry of this client's whose key starts with `prefix`, keys without the client's prefix; none when storage fails. */
  async entries<T>(prefix: string): Promise<[string, T][]> {
    try {
      const found = await this.#storage.entries<T>(this.#prefix + prefix);
      return found.map(([key, value]) => [key.slice(this.#prefix.length), value]);
    } catch (error) {
      this.#onError(error);
      return [];
    }
  }

  set(key: string, value: unknown): Promise<void> {
    return this.queue((storage, prefix) => storage.set(prefix + key, value));
  }

  delete(key: string): Promise<void> {
    return this.queue((storage, prefix) => storage.delete(prefix + key));
  }

  /** Deletes everything under this client's prefix (another identity took over). */
  clear(): Promise<void> {
    return this.deleteUnder('');
  }

  /** Deletes every key of this client's that starts with `prefix`, after the writes before. */
  deleteUnder(prefix: string): Promise<void> {
    return this.queue(async (storage, full) => {
      for (const [key] of await storage.entries(full + prefix)) await storage.delete(key);
    });
  }

  /**
   * Runs `op` after every write made before it, with the storage and this
   * client's prefix; a failure is reported, and later writes still run.
   */
  queue(op: (storage: ClientStorage, prefix: string) => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(() => op(this.#storage, this.#prefix)).catch((error: unknown) => this.#onError(error));
    return this.#queue;
  }
}
