/**
 * One client connection's lifecycle: `hello` first, then commands; every
 * frame decoded and every failure answered with an `error` (the connection
 * carries on); idle connections closed (see `idle.ts`); on close, the actor
 * leaves (presence, visitor list, trajectory). Nothing a peer sends escapes
 * as an exception.
 *
 * Order: frames run in the order received, except that the frames about one
 * session (`message.send`, `message.read`, `typing`) form a lane of their own:
 * lanes of different sessions run concurrently (an agent's twenty chats do not
 * wait for each other's store writes), frames of one lane run one after
 * another, and every other frame waits for everything before it and holds
 * back everything after it.
 *
 * States: `greeting` (waiting for a valid hello) → `ready` → `closed`.
 */
import { ParleyError } from '../errors.js';
import type { TimerHandle } from '../clock.js';
import { type Decoded, decodeClientFrame, encodeFrame } from '../protocol/decode.js';
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';
import type { ClientFrame, HelloFrame } from '../protocol/client-frames.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { CLOSE_CODES, type Transport, type TransportListener } from '../transport/transport.js';
import { agentDisconnected } from './agent-presence.js';
import type { Actor } from './conn.js';
import type { HubCore } from './core.js';
import { dispatch } from './dispatch.js';
import { deliverable } from './fanout.js';
import { agentHello, type GreetedConn, HelloRefused, visitorHello } from './hello.js';
import { encodeAck } from './message-encoding.js';
import type { SiteState, TabPage } from './site-state.js';
import { leavePage } from './trajectory.js';
import type { ConnectionContext } from './types.js';
import { visitorLeft } from './visitor-list.js';
import { updateVisitorRecord } from './visitor-record.js';

let nextId = 0;

export class HubConnection implements GreetedConn {
  readonly id = ++nextId;
  actor: Actor | undefined;
  page: TabPage | undefined;
  hidden = false;
  watching = false;
  inviteTimers: readonly TimerHandle[] = NO_TIMERS;
  #phase: 'greeting' | 'greeted' | 'ready' | 'closed' = 'greeting';
  #state: SiteState | undefined;
  /** The last frame (or close) that runs alone: everything received before it has run when it does. */
  #barrier: Promise<void> = Promise.resolve();
  /** Per session, the last frame of its lane received since the barrier; made on first use. */
  #lanes: Map<string, Promise<void>> | undefined;
  /** Topics subscribed to, each followed by its unsubscribe function: `[topic, unsubscribe, …]` (smaller than a Map). */
  #subscriptions: (string | (() => void))[] = [];
  /** The one handler of every topic this connection subscribes to; made on first use. */
  #deliverer: ((payload: string) => void) | undefined;
  #lastActivity: number;
  #unlisten: () => void;

  constructor(
    private readonly core: HubCore,
    private readonly transport: Transport,
    readonly context: ConnectionContext,
    private readonly onGone: (conn: HubConnection) => void,
  ) {
    this.#lastActivity = core.clock.now();
    this.#unlisten = transport.listen(new TransportTap(this));
  }

  /** A frame came in (from the transport). */
  received(data: string): void {
    this.#lastActivity = this.core.clock.now();
    // Decoded on arrival (it reads nothing the frames before it change) to find the frame's lane.
    const decoded = decodeClientFrame(data);
    this.#enqueue('frame', () => this.#receive(decoded), decoded.ok ? laneOf(decoded.value) : undefined);
  }

  get key(): string {
    return `${this.core.node}.${this.id}`;
  }

  /** When anything last came in (the idle timeout counts from it, see `idle.ts`). */
  get lastActivity(): number {
    return this.#lastActivity;
  }

  get closed(): boolean {
    return this.#phase === 'closed';
  }

  /** Resolves when every frame received so far and the close hooks have run. */
  get done(): Promise<void> {
    return this.#lanes === undefined ? this.#barrier : this.#everything();
  }

  send(frame: ServerFrame): void {
    this.#sendRaw(encodeFrame(frame));
  }

  subscribe(topic: string): void {
    if (this.closed || this.#subscriptions.includes(topic)) return;
    this.#deliverer ??= (payload) => this.#deliver(payload);
    this.#subscriptions.push(topic, this.core.bus.subscribe(topic, this.#deliverer));
  }

  unsubscribe(topic: string): void {
    const index = this.#subscriptions.indexOf(topic);
    if (index < 0) return;
    (this.#subscriptions[index + 1] as () => void)();
    this.#subscriptions.splice(index, 2);
  }

  become(actor: Actor, state: SiteState): void {
    this.actor = actor;
    this.#state = state;
    this.#phase = 'ready';
    state.connections.add(this);
  }

  close(code: number, reason: string): void {
    try {
      this.transport.close(code, reason);
    } finally {
      this.shutdown();
    }
  }

  /** Marks the connection closed at once; the actor's departure runs after frames already received. */
  shutdown(): void {
    if (this.closed) return;
    this.#phase = 'closed';
    this.#unlisten();
    for (const item of this.#subscriptions) if (typeof item === 'function') item();
    this.#subscriptions = [];
    this.#enqueue('close', () => this.#leave());
  }

  /** A payload published on a subscribed topic: sent unless its exclusion names this connection or its agent. */
  #deliver(payload: string): void {
    const data = deliverable(payload, this);
    if (data !== undefined) this.#sendRaw(data);
  }

  #sendRaw(data: string): void {
    if (this.closed) return;
    try {
      this.transport.send(data);
    } catch (error) {
      this.core.report('transport.send', error, this.actor?.siteId);
    }
  }

  /** Runs `work` in `lane` (after that lane's earlier frames and the barrier), or alone when there is none. */
  #enqueue(where: string, work: () => Promise<void>, lane?: string): void {
    if (lane === undefined) {
      const before = this.#lanes === undefined ? this.#barrier : this.#everything();
      this.#lanes = undefined;
      this.#barrier = before.then(work).catch((error: unknown) => this.#report(where, error));
      return;
    }
    const lanes = (this.#lanes ??= new Map());
    const tail: Promise<void> = (lanes.get(lane) ?? this.#barrier).then(work).then(
      () => {
        if (lanes.get(lane) === tail) lanes.delete(lane);
      },
      (error: unknown) => {
        if (lanes.get(lane) === tail) lanes.delete(lane);
        this.#report(where, error);
      },
    );
    lanes.set(lane, tail);
  }

  #report(where: string, error: unknown): void {
    this.core.report(`connection.${where}`, error, this.actor?.siteId);
  }

  /** Resolves when the barrier and every lane have run. */
  #everything(): Promise<void> {
    return Promise.all([this.#barrier, ...(this.#lanes?.values() ?? [])]).then(noop);
  }

  #error(code: ErrorCode, message: string, ref?: string): void {
    this.send(ref === undefined ? { type: 'error', code, message } : { type: 'error', ref, code, message });
  }

  #fatal(code: ErrorCode, message: string, closeCode: number): void {
    this.send({ type: 'error', code, message, fatal: true });
    this.close(closeCode, message);
  }

  async #receive(decoded: Decoded<ClientFrame>): Promise<void> {
    if (this.closed) return;
    if (!decoded.ok) return this.#error(decoded.code, decoded.message, decoded.ref);
    const frame = decoded.value;
    if (frame.type === 'ping') return this.send({ type: 'pong', t: frame.t });
    if (frame.type === 'hello') {
      if (this.#phase !== 'greeting') return this.#error(ERROR_CODES.unauthenticated, 'hello was already sent.');
      return this.#hello(frame);
    }
    const ref = 'ref' in frame ? frame.ref : undefined;
    if (this.#phase !== 'ready' || !this.#state) return this.#error(ERROR_CODES.unauthenticated, 'Send hello first.', ref);
    await this.#command(this.#state, frame, ref);
  }

  async #hello(frame: HelloFrame): Promise<void> {
    if (frame.v !== PROTOCOL_VERSION) {
      return this.#fatal(ERROR_CODES.protocolVersion, `This hub speaks protocol version ${PROTOCOL_VERSION}.`, CLOSE_CODES.protocolVersion);
    }
    this.#phase = 'greeted';
    try {
      if (frame.role === 'visitor') await visitorHello(this.core, this, frame);
      else await agentHello(this.core, this, frame);
    } catch (error) {
      if (error instanceof HelloRefused) return this.#fatal(error.code, error.message, error.closeCode);
      this.core.report('hello', error);
      return this.#fatal(ERROR_CODES.internal, 'The hub could not greet this connection.', CLOSE_CODES.serverError);
    }
  }

  async #command(state: SiteState, frame: ClientFrame, ref: string | undefined): Promise<void> {
    try {
      const result = await dispatch(this.core, this, state, frame);
      if (ref !== undefined) this.#sendRaw(encodeAck(ref, result));
    } catch (error) {
      if (error instanceof ParleyError) return this.#error(error.code, error.message, ref);
      this.core.report(`command.${frame.type}`, error, state.site.id);
      this.#error(ERROR_CODES.internal, 'Something failed inside the hub; the connection carries on.', ref);
    }
  }

  /** The actor leaves: last tab of a visitor, last connection of an agent. */
  async #leave(): Promise<void> {
    this.onGone(this);
    const { actor } = this;
    const state = this.#state;
    if (!actor || !state) return;
    state.connections.delete(this);
    if (actor.role === 'agent') return agentDisconnected(this.core, state, actor.agentId);
    leavePage(this.core, state, this);
    visitorLeft(this.core, state, actor.visitorId);
    const now = this.core.clock.now();
    await updateVisitorRecord(this.core, state.site.id, actor.visitorId, (visitor) => visitor && { ...visitor, lastSeenAt: now });
  }
}

const noop = () => {};
const NO_TIMERS: readonly TimerHandle[] = Object.freeze([]);

/** A connection's transport listener: methods on a prototype, no closures per connection. */
class TransportTap implements TransportListener {
  constructor(private readonly conn: HubConnection) {}

  message(data: string): void {
    this.conn.received(data);
  }

  close(): void {
    this.conn.shutdown();
  }
}

/** The session lane of a frame that may run beside other sessions' frames; undefined for the rest. */
function laneOf(frame: ClientFrame): string | undefined {
  switch (frame.type) {
    case 'message.send':
    case 'message.read':
    case 'typing':
      return frame.sessionId;
    default:
      return undefined;
  }
}
