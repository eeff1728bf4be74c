/**
 * What the chat machinery keeps in a client's storage (through its
 * {@link ClientPersistence}, so under the client's prefix and in write order):
 *
 * - `outbox:<clientId>` — a message not yet acknowledged (written before it is first sent);
 * - `seq:<sessionId>` — the highest `seq` received, sent as `resume` in the next hello;
 * - `msg:<sessionId>:<seq>` — the last {@link TRANSCRIPT_LIMIT} messages of each session, so a
 *   reload shows the conversation at once and `resume` asks only for what is really missing.
 *
 * Messages are written before the `seq` that vouches for them.
 */
import type { Attachment, Author, Message } from '../protocol/model.js';
import {
  attachments as attachmentsSchema,
  author as authorSchema,
  message as messageSchema,
  nonEmptyId,
} from '../protocol/schemas/model.js';
import { number, object, optional, string } from '../protocol/schemas/validator.js';
import { readStored, type ClientPersistence } from './persistence.js';

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

export class Transcript {
  readonly #persistence: ClientPersistence;
  /** The resume `seq` stored per session. */
  readonly #savedSeq = new Map<string, number>();

  constructor(persistence: ClientPersistence) {
    this.#persistence = persistence;
  }

  /** Reads the outbox and the kept transcripts; trims transcripts to {@link TRANSCRIPT_LIMIT}. */
  async load(): Promise<Loaded> {
    const persistence = this.#persistence;
    const outbox: OutboxEntry[] = [];
    const sessions = new Map<string, { seq: number; messages: Message[] }>();
    for (const [, value] of await persistence.entries('outbox:')) {
      const entry = readStored(outboxEntrySchema, value);
      if (entry) outbox.push(entry);
    }
    for (const [key, seq] of await persistence.entries('seq:')) {
      if (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0) {
        const sessionId = key.slice('seq:'.length);
        sessions.set(sessionId, { seq, messages: [] });
        this.#savedSeq.set(sessionId, seq);
      }
    }
    const stale: string[] = [];
    for (const [key, value] of await persistence.entries('msg:')) {
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
    for (const key of stale) void persistence.delete(key);
    return { outbox: outbox.sort(byCreation), sessions };
  }

  /** Keeps received messages and moves each session's resume `seq` forward. */
  saveMessages(messages: readonly Message[]): Promise<void> {
    return this.#persistence.queue(async (storage, prefix) => {
      const top = new Map<string, number>();
      for (const m of messages) {
        await storage.set(prefix + messageKey(m.sessionId, m.seq), m);
        top.set(m.sessionId, Math.max(top.get(m.sessionId) ?? 0, m.seq));
      }
      for (const [sessionId, seq] of top) {
        if (seq <= (this.#savedSeq.get(sessionId) ?? 0)) continue;
        await storage.set(`${prefix}seq:${sessionId}`, seq);
        this.#savedSeq.set(sessionId, seq);
      }
    });
  }

  /** Forgets a session's resume `seq` and kept messages (its outbox entries stay until answered). */
  forgetSession(sessionId: string): Promise<void> {
    this.#savedSeq.delete(sessionId);
    void this.#persistence.delete(`seq:${sessionId}`);
    return this.#persistence.deleteUnder(`msg:${sessionId}:`);
  }

  /** Sessions with a resume `seq` stored. */
  storedSessions(): string[] {
    return [...this.#savedSeq.keys()];
  }

  /** Forgets what it knows of storage (the client's storage is being cleared). */
  forget(): void {
    this.#savedSeq.clear();
  }
}
