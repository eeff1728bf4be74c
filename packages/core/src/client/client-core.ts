/**
 * What both clients share: the connection and the client's storage, and the
 * place where the chat machinery ({@link ChatSync}: messages, outbox, typing)
 * plugs in. A client owns one core and adds its role's state on top; it
 * attaches the chat machinery at once, or later (the script-tag widget loads
 * it when the chat is first needed).
 */
import type { Clock } from '../clock.js';
import { asParleyError, ParleyError } from '../errors.js';
import type { HelloFrame } from '../protocol/client-frames.js';
import type { ServerDecoder } from '../protocol/decode.js';
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { Author, SessionInfo } from '../protocol/model.js';
import type { ServerFrame, WelcomeFrame } from '../protocol/server-frames.js';
import type { TransportFactory } from '../transport/transport.js';
import type { ChatSync } from './chat-sync.js';
import { Connection, type ConnectionDelegate } from './connection.js';
import type { Side } from './message-store.js';
import { ClientPersistence } from './persistence.js';
import type { ClientStorage } from './storage.js';
import type { ClientTuning, ConnectionStatus, MessagesChange, TypingState } from './types.js';

/** Events every client emits. */
export type CoreEvents = {
  /** The connection's status changed. */
  status: ConnectionStatus;
  /** A session's message list changed. */
  messages: MessagesChange;
  /** The other side's typing changed in a session. */
  typing: TypingState;
  /** Something went wrong that no promise reports: a bad frame, a refusal, storage trouble. */
  error: ParleyError;
};

export type CoreEmit = <K extends keyof CoreEvents>(type: K, event: CoreEvents[K]) => void;

/** What the client that owns the core provides. */
export interface CoreOwner {
  /** Loads the owner's own stored state before the first hello. */
  load?(): Promise<void>;
  hello(resume: Readonly<Record<string, number>> | undefined): HelloFrame;
  /** Updates the owner's state from a welcome; it calls {@link ClientCore.syncSessions}. */
  welcome(frame: WelcomeFrame): void;
  /** The sessions the client knows now, for chat machinery attached after the welcome (default: the welcome's). */
  sessions?(): readonly SessionInfo[];
  /** Every frame after the core has seen it (messages, read receipts and typing included). */
  frame(frame: ServerFrame): void;
  retryRejected?(error: ParleyError): boolean;
  down?(): void;
}

export interface CoreOptions {
  readonly transport: TransportFactory;
  readonly decoder: ServerDecoder;
  readonly clock: Clock;
  readonly storage: ClientStorage;
  readonly side: Side;
  readonly storagePrefix: string;
  readonly tuning?: ClientTuning | undefined;
  readonly emit: CoreEmit;
}

/** What the chat machinery gets from the core it is attached to. @internal */
export type ChatHost = Pick<ClientCore, 'connection' | 'persistence' | 'clock' | 'side' | 'tuning' | 'emit'>;

/**
 * What the chat machinery asks the client it works for; given by the client
 * with the machinery (with `createChatSync`), so the core need not relay it.
 */
export interface ChatOwner {
  /** The author of this side's new messages. */
  author(): Author;
  /** Whether drafts may go out (a visitor's only when the site enables typing preview). */
  draftsAllowed(): boolean;
}

/** Makes a client's chat machinery over the core: `(core) => createChatSync(core, owner)`. */
export type ChatFactory = (host: ChatHost) => ChatSync;

export interface HistoryQuery {
  /** Messages before this `seq`, newest first (the default: before the oldest one held). */
  readonly beforeSeq?: number;
  /** Or every message after this `seq`. */
  readonly afterSeq?: number;
  /** At most this many (the hub caps it at {@link LIMITS.historyPage}). */
  readonly limit?: number;
}

/**
 * The core is its connection's delegate (the connection calls the methods under
 * "as the connection's delegate"), and the host of its chat machinery.
 */
export class ClientCore implements ConnectionDelegate {
  readonly connection: Connection;
  readonly persistence: ClientPersistence;
  readonly clock: Clock;
  /** This client's side: its read receipts and drafts are this side's. */
  readonly side: Side;
  readonly tuning: ClientTuning | undefined;
  readonly emit: CoreEmit;
  readonly #owner: CoreOwner;
  #chat: ChatSync | undefined;
  /** The sessions of the current connection's welcome, for chat machinery attached after it. */
  #welcomed: readonly SessionInfo[] | undefined;
  #loading: Promise<void> | undefined;
  #wanted = false;

  constructor(options: CoreOptions, owner: CoreOwner) {
    this.clock = options.clock;
    this.side = options.side;
    this.tuning = options.tuning;
    this.emit = options.emit;
    this.#owner = owner;
    let storageFailed = false;
    this.persistence = new ClientPersistence(options.storage, options.storagePrefix, (error) => {
      // Reported once: the client goes on from memory, and one broken store would say so on every write.
      if (storageFailed) return;
      storageFailed = true;
      options.emit('error', new ParleyError(ERROR_CODES.internal, `The client storage failed (working from memory): ${String(error)}`));
    });
    const tuning = options.tuning ?? {};
    this.connection = new Connection(
      { transport: options.transport, clock: options.clock, decoder: options.decoder, timing: tuning.timing, random: tuning.random },
      this,
    );
  }

  /** The chat machinery, once attached. */
  get chat(): ChatSync | undefined {
    return this.#chat;
  }

  /**
   * Attaches the chat machinery (once; later calls return the first). Before
   * {@link connect} it loads with the client, and the first hello resumes its
   * sessions; after, it reads storage on its own and catches up through history.
   */
  attachChat(create: ChatFactory): ChatSync {
    if (this.#chat) return this.#chat;
    const chat = (this.#chat = create(this));
    if (this.#loading) {
      void chat.load().then(() => {
        // Welcomed without it: catch up the sessions known now. Otherwise the next welcome does.
        if (!this.#welcomed) return;
        chat.syncSessions(this.#owner.sessions?.() ?? this.#welcomed, true);
        chat.welcomed();
      });
    }
    return chat;
  }

  /** Loads what storage holds (once), then connects. */
  connect(): void {
    this.#wanted = true;
    this.#loading ??= this.#load();
    void this.#loading.then(() => {
      if (this.#wanted) this.connection.connect();
    });
  }

  close(): void {
    this.#wanted = false;
    this.connection.close();
    this.#chat?.close();
  }

  /**
   * After a welcome: the sessions the hub says this client takes part in, for
   * the chat machinery to reconcile (see {@link ChatSync.syncSessions}).
   */
  syncSessions(sessions: readonly SessionInfo[]): void {
    this.#welcomed = sessions;
    if (this.#chat?.loaded) this.#chat.syncSessions(sessions);
  }

  /** Another identity took over: forget every message, the outbox and all stored data. */
  forgetEverything(): void {
    this.#chat?.forget();
    void this.persistence.clear();
  }

  // ── as the connection's delegate ───────────────────────────────────────────

  hello(): HelloFrame {
    return this.#owner.hello(this.#chat?.resumeCursors());
  }

  welcome(frame: WelcomeFrame): void {
    this.#owner.welcome(frame);
    this.#chat?.welcomed();
  }

  frame(frame: ServerFrame): void {
    this.#chat?.frame(frame);
    this.#owner.frame(frame);
  }

  status(status: ConnectionStatus): void {
    this.emit('status', status);
  }

  error(error: ParleyError): void {
    this.emit('error', error);
  }

  retryRejected(error: ParleyError): boolean {
    return this.#owner.retryRejected?.(error) ?? false;
  }

  down(): void {
    this.#welcomed = undefined;
    this.#chat?.down();
    this.#owner.down?.();
  }

  // ── internals ──────────────────────────────────────────────────────────────

  async #load(): Promise<void> {
    await this.#chat?.load();
    try {
      await this.#owner.load?.();
    } catch (error) {
      this.emit('error', asParleyError(error));
    }
  }
}
