/**
 * What a client keeps in its {@link ClientStorage}, under its own key prefix:
 *
 * - `outbox:<clientId>` — a message not yet acknowledged (written before it is first sent);
 * - `seq:<sessionId>` — the highest `seq` received, sent as `resume` in the next hello;
 * - `msg:<sessionId>:<seq>` — the last {@link TRANSCRIPT_LIMIT} messages of each session, so a
 *   reload shows the conversation at once and `resume` asks only for what is really missing;
 * - anything the client adds (the visitor's token, the agent's id).
 *
 * Writes go out one after another, in the order they were made, so `seq` is
 * never ahead of the messages it vouches for. Storage failures are reported,
 * never thrown: the client then works from memory.
 */
import type { Attachment, Author, Message } from '../protocol/model.js';
import {
  attachments as attachmentsSchema,
  author as authorSchema,
  message as messageSchema,
  nonEmptyId,
} from '../protocol/schemas/model.js';
import { Issue, number, object, optional, string, type Schema } from '../protocol/schemas/validator.js';
import type { ClientStorage } from './storage.js';

/** Messages kept per session across reloads. */
export const TRANSCRIPT_LIMIT = 200;

export interface OutboxEntry {
  readonly clientId: string;
  readonly sessionId: string;
  readonly author: Author;
  readonly text?: string;
  readonly attachments?: readonly Attachment[];
  readonly createdAt: number;
  /** Tie-break within one millisecond. */
  readonly order: number;
}

/** An entry read back from storage; one the hub would refuse as a `message.send` is dropped. */
const outboxEntrySchema = object({
  clientId: nonEmptyId,
  sessionId: nonEmptyId,
  author: authorSchema,
  text: optional(string),
  attachments: optional(attachmentsSchema),
  createdAt: number,
  order: number,
});

export interface Loaded {
  /** Oldest first. */
  readonly outbox: readonly OutboxEntry[];
  /** Per session: the resume `seq` and the kept messages. */
  readonly sessions: ReadonlyMap<string, { readonly seq: number; readonly messages: readonly Message[] }>;
}

/** Oldest first; `order` breaks ties within one millisecond. */
export const byCreation = (a: OutboxEntry, b: OutboxEntry) => a.createdAt - b.createdAt || a.order - b.order;
const messageKey = (sessionId: string, seq: number) => `msg:${sessionId}:${String(seq).padStart(12, '0')}`;
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
  readonly #savedSeq = new Map<string, number>();

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
    return this.#run(() => this.#storage.set(this.#prefix + key, value));
  }

  delete(key: string): Promise<void> {
    return this.#run(() => this.#storage.delete(this.#prefix + key));
  }

  /** Reads the outbox and the kept transcripts; trims transcripts to {@link TRANSCRIPT_LIMIT}. */
  async load(): Promise<Loaded> {
    const outbox: OutboxEntry[] = [];
    const sessions = new Map<string, { seq: number; messages: Message[] }>();
    for (const [, value] of await this.entries('outbox:')) {
      const entry = readStored(outboxEntrySchema, value);
      if (entry) outbox.push(entry);
    }
    for (const [key, seq] of await this.entries('seq:')) {
      if (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0) {
        const sessionId = key.slice('seq:'.length);
        sessions.set(sessionId, { seq, messages: [] });
        this.#savedSeq.set(sessionId, seq);
      }
    }
    const stale: string[] = [];
    for (const [key, value] of await this.entries('msg:')) {
      const message = readStored(messageSchema, value);
      const held = message && sessions.get(message.sessionId);
      // A message without its seq record is not vouched for: drop it.
      if (held && message.seq <= held.seq) held.messages.push(message);
      else stale.push(key);
    }
    for (const [sessionId, held] of sessions) {
      held.messages.sort((a, b) => a.seq - b.seq);
      const extra = held.messages.splice(0, Math.max(0, held.messages.length - TRANSCRIPT_LIMIT));
      for (const m of extra) stale.push(messageKey(sessionId, m.seq));
    }
    for (const key of stale) void this.delete(key);
    return { outbox: outbox.sort(byCreation), sessions };
  }

  /** Keeps received messages and moves each session's resume `seq` forward. */
  saveMessages(messages: readonly Message[]): Promise<void> {
    if (messages.length === 0) return this.#queue;
    return this.#run(async () => {
      const top = new Map<string, number>();
      for (const m of messages) {
        await this.#storage.set(this.#prefix + messageKey(m.sessionId, m.seq), m);
        top.set(m.sessionId, Math.max(top.get(m.sessionId) ?? 0, m.seq));
      }
      for (const [sessionId, seq] of top) {
        if (seq <= (this.#savedSeq.get(sessionId) ?? 0)) continue;
        await this.#storage.set(`${this.#prefix}seq:${sessionId}`, seq);
        this.#savedSeq.set(sessionId, seq);
      }
    });
  }

  /** Forgets a session's resume `seq` and kept messages (its outbox entries stay until answered). */
  forgetSession(sessionId: string): Promise<void> {
    this.#savedSeq.delete(sessionId);
    return this.#run(async () => {
      await this.#storage.delete(`${this.#prefix}seq:${sessionId}`);
      await this.#deleteUnder(`msg:${sessionId}:`);
    });
  }

  /** Sessions with a resume `seq` stored. */
  storedSessions(): string[] {
    return [...this.#savedSeq.keys()];
  }

  /** Deletes everything under this client's prefix (another identity took over). */
  clear(): Promise<void> {
    this.#savedSeq.clear();
    return this.#run(() => this.#deleteUnder(''));
  }

  async #deleteUnder(prefix: string): Promise<void> {
    for (const [key] of await this.#storage.entries(this.#prefix + prefix)) await this.#storage.delete(key);
  }

  #run(op: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(op).catch((error: unknown) => this.#onError(error));
    return this.#queue;
  }
}
