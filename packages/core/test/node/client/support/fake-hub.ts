/**
 * A scripted far end for the clients' tests. The client's side of each link is a
 * real {@link Transport} implementation, and everything the fake says is a typed
 * {@link ServerFrame}, so the fake cannot drift from the protocol. Every frame the
 * client sends is decoded with the hub's own decoder; frames it rejects are kept
 * in `invalid` so tests can insist there are none.
 */
import {
  CLOSE_CODES,
  createSequentialIds,
  decodeClientFrame,
  encodeFrame,
  type AckResults,
  type ClientFrame,
  type ErrorCode,
  type HelloFrame,
  type Message,
  type ServerFrame,
  type Transport,
  type TransportCloseEvent,
  type TransportFactory,
  type TransportListener,
  type WelcomeFrame,
} from '../../../../src/index.js';
import { agentWelcome, sessionInfo, visitorWelcome } from './fixtures.js';

type RefFrame = Extract<ClientFrame, { readonly ref: string }>;
type CommandType = RefFrame['type'];
type FrameOf<K extends ClientFrame['type']> = Extract<ClientFrame, { type: K }>;

/** How the fake answers a command: a result, an error, or nothing at all. */
export type Reply<K extends CommandType> =
  | { readonly result: K extends keyof AckResults ? AckResults[K] : Readonly<Record<string, unknown>> }
  | { readonly error: ErrorCode; readonly message?: string; readonly fatal?: boolean }
  | 'silent';

export type Handlers = { [K in CommandType]?: (frame: FrameOf<K>, link: FakeLink) => Reply<K> };

/** The client's end of a fake link. */
class ClientEnd implements Transport {
  readonly #link: FakeLink;
  readonly listeners = new Set<TransportListener>();
  state: 'connecting' | 'open' | 'closed' = 'connecting';

  constructor(link: FakeLink) {
    this.#link = link;
  }

  send(data: string): void {
    if (this.state !== 'open') return;
    this.#link.fromClient(data);
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.state === 'closed') return;
    this.#link.closedByClient = { code, reason };
    this.finish({ code, reason });
  }

  listen(listener: TransportListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  finish(event: TransportCloseEvent): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    queueMicrotask(() => {
      for (const l of [...this.listeners]) l.close?.(event);
      this.listeners.clear();
    });
  }
}

/** The hub's view of one connection attempt. */
export class FakeLink {
  readonly transport: ClientEnd;
  readonly #hub: FakeHub;
  /** Every valid frame the client sent, in order. */
  readonly received: ClientFrame[] = [];
  /** Frames the hub's decoder refused (should stay empty). */
  readonly invalid: string[] = [];
  closedByClient: TransportCloseEvent | undefined;

  constructor(hub: FakeHub) {
    this.#hub = hub;
    this.transport = new ClientEnd(this);
  }

  get isOpen(): boolean {
    return this.transport.state === 'open';
  }

  get isClosed(): boolean {
    return this.transport.state === 'closed';
  }

  /** The transport opens (on the next microtask). */
  open(): void {
    queueMicrotask(() => {
      if (this.transport.state !== 'connecting') return;
      this.transport.state = 'open';
      for (const l of [...this.transport.listeners]) l.open?.();
    });
  }

  /** The hub sends a frame (delivered on the next microtask, in order). */
  send(frame: ServerFrame): void {
    this.sendRaw(encodeFrame(frame));
  }

  /** Anything at all, as a broken or hostile hub might. */
  sendRaw(data: unknown): void {
    queueMicrotask(() => {
      if (this.transport.state !== 'open') return;
      for (const l of [...this.transport.listeners]) l.message?.(data as string);
    });
  }

  /** The hub or the network ends the link. */
  drop(code: number = CLOSE_CODES.abnormal, reason = 'connection lost'): void {
    this.transport.finish({ code, reason });
  }

  /** Frames of one type the client sent on this link. */
  frames<K extends ClientFrame['type']>(type: K): FrameOf<K>[] {
    return this.received.filter((f): f is FrameOf<K> => f.type === type);
  }

  fromClient(data: string): void {
    const decoded = decodeClientFrame(data);
    if (!decoded.ok) {
      this.invalid.push(`${decoded.message}: ${data}`);
      return;
    }
    this.received.push(decoded.value);
    this.#hub.handle(decoded.value, this);
  }
}

export interface FakeHubOptions {
  /** Links open by themselves (default true). */
  readonly autoOpen?: boolean;
  /** Answer a hello: a welcome, an error frame, or nothing. Default: a welcome for the hello's role. */
  readonly welcome?: (hello: HelloFrame, link: FakeLink) => WelcomeFrame | ServerFrame | undefined;
  /** Answer pings (default true). */
  readonly autoPong?: boolean;
  readonly handlers?: Handlers;
}

/**
 * A fake hub with just enough behaviour to be scripted: it welcomes, answers
 * pings, stores sent messages idempotently by `clientId` with a growing `seq`
 * per session, and answers other commands with `{}` unless a handler says otherwise.
 */
export class FakeHub {
  readonly links: FakeLink[] = [];
  readonly factory: TransportFactory;
  readonly options: FakeHubOptions;
  handlers: Handlers;
  /** Messages stored per session, as the hub would. */
  readonly stored = new Map<string, Message[]>();
  readonly ids = createSequentialIds();
  now = () => Date.UTC(2026, 0, 1);

  constructor(options: FakeHubOptions = {}) {
    this.options = options;
    this.handlers = { ...options.handlers };
    this.factory = () => {
      const link = new FakeLink(this);
      this.links.push(link);
      if (options.autoOpen ?? true) link.open();
      return link.transport;
    };
  }

  /** The latest link. */
  get link(): FakeLink {
    const link = this.links.at(-1);
    if (!link) throw new Error('No link was made yet.');
    return link;
  }

  /** Every frame the client sent, over all links. */
  get received(): ClientFrame[] {
    return this.links.flatMap((l) => l.received);
  }

  frames<K extends ClientFrame['type']>(type: K): FrameOf<K>[] {
    return this.links.flatMap((l) => l.frames(type));
  }

  get invalid(): string[] {
    return this.links.flatMap((l) => l.invalid);
  }

  /** Stores a message as the hub does: a `clientId` seen before returns the message stored then. */
  store(sessionId: string, clientId: string, content: { text?: string }, author: Message['author']): Message {
    const list = this.stored.get(sessionId) ?? [];
    this.stored.set(sessionId, list);
    const existing = list.find((m) => m.clientId === clientId);
    if (existing) return existing;
    const message: Message = {
      id: this.ids('message'),
      sessionId,
      clientId,
      seq: list.length + 1,
      author,
      at: this.now(),
      ...(content.text !== undefined && { text: content.text }),
    };
    list.push(message);
    return message;
  }

  handle(frame: ClientFrame, link: FakeLink): void {
    if (frame.type === 'hello') {
      const answer = this.options.welcome
        ? this.options.welcome(frame, link)
        : frame.role === 'visitor'
          ? visitorWelcome()
          : agentWelcome();
      if (answer) link.send(answer);
      return;
    }
    if (frame.type === 'ping') {
      if (this.options.autoPong ?? true) link.send({ type: 'pong', t: frame.t });
      return;
    }
    if (!('ref' in frame)) return;
    const reply = this.#reply(frame, link);
    if (reply === 'silent') return;
    if ('error' in reply) {
      link.send({
        type: 'error',
        ref: frame.ref,
        code: reply.error,
        message: reply.message ?? reply.error,
        ...(reply.fatal !== undefined && { fatal: reply.fatal }),
      });
    } else {
      link.send({ type: 'ack', ref: frame.ref, result: reply.result });
    }
  }

  #reply(frame: RefFrame, link: FakeLink): Reply<CommandType> {
    const handler = this.handlers[frame.type] as ((f: RefFrame, l: FakeLink) => Reply<CommandType>) | undefined;
    if (handler) return handler(frame, link);
    switch (frame.type) {
      case 'message.send': {
        const hello = link.received.find((f): f is HelloFrame => f.type === 'hello');
        const author: Message['author'] =
          hello?.role === 'agent' ? { kind: 'agent', id: 'agt_1', name: 'Ann' } : { kind: 'visitor', id: 'vis_1' };
        return { result: { message: this.store(frame.sessionId, frame.clientId, frame, author) } };
      }
      case 'chat.request':
        return { result: { session: sessionInfo({ id: 'ses_new', state: 'queued', queuePosition: 1, fields: frame.fields }) } };
      case 'session.history':
        return { result: { messages: this.history(frame.sessionId, frame.beforeSeq, frame.afterSeq, frame.limit) } };
      default:
        return { result: {} };
    }
  }

  history(sessionId: string, beforeSeq?: number, afterSeq?: number, limit = 200): Message[] {
    const all = this.stored.get(sessionId) ?? [];
    if (afterSeq !== undefined) return all.filter((m) => m.seq > afterSeq).slice(0, limit);
    return all.filter((m) => beforeSeq === undefined || m.seq < beforeSeq).slice(-limit);
  }
}
