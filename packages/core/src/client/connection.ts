/**
 * The connection's lifecycle, as an explicit state machine:
 *
 * ```
 *  idle ──connect──▶ connecting ──open──▶ handshaking ──welcome──▶ open
 *                        │  ▲                 │                     │
 *              timeout / │  │ retry     timeout / lost /      lost / silence
 *              lost      ▼  │           fatal error            after ping
 *                       waiting ◀─────────────┴─────────────────────┘
 *
 *  any ──close()──▶ closed        auth_failed / protocol_version (error or 4001/4002),
 *                                 a fatal not_found / forbidden (unknown site, refused origin) ──▶ closed
 * ```
 *
 * - `connecting`: a transport was made; waiting for it to open. `handshaking`:
 *   `hello` went out; waiting for `welcome`. One deadline covers both.
 * - `open`: a `ping` goes out every `pingIntervalMs`; if no frame at all comes
 *   back within `pongTimeoutMs` the link is taken for dead, closed, and retried.
 * - `waiting`: back-off before the next attempt — full jitter over an
 *   exponential bound, reset by a welcome. `connect()` here retries at once.
 * - `closed`: no more attempts until `connect()` is called again.
 *
 * Every inbound frame is decoded; a bad one is reported through the delegate's
 * `error` and otherwise ignored. Nothing throws into the transport.
 */
import type { Clock, TimerHandle } from '../clock.js';
import { ParleyError } from '../errors.js';
import { assertNever } from '../internal/assert-never.js';
import type { ClientFrame, HelloFrame, PingFrame } from '../protocol/client-frames.js';
import { encodeFrame, type ServerDecoder } from '../protocol/decode.js';
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';
import type { ErrorFrame, ServerFrame, WelcomeFrame } from '../protocol/server-frames.js';
import { CLOSE_CODES, type TransportFactory } from '../transport/transport.js';
import { backoffDelay } from './backoff.js';
import { linkOf, statusOf, timerOf, type ConnectionStateName, type Input, type Link, type State } from './connection-state.js';
import { PendingRequests, type CommandFrame, type CommandResult, type CommandType, type RefFrame } from './requests.js';
import type { ConnectionStatus, ConnectionTiming } from './types.js';

export const DEFAULT_TIMING: ConnectionTiming = {
  connectTimeoutMs: 10_000,
  pingIntervalMs: 25_000,
  pongTimeoutMs: 10_000,
  backoffBaseMs: 250,
  backoffMaxMs: 30_000,
  requestTimeoutMs: 15_000,
};

/** After `rate_limited` (close 4008 or a fatal error), back off at least as if this many attempts had failed. */
const RATE_LIMITED_ATTEMPT = 5;

/** Close codes by which the hub refuses us for good, and the error each stands for. */
const REFUSING_CLOSES: Readonly<Record<number, ErrorCode>> = {
  [CLOSE_CODES.authFailed]: ERROR_CODES.authFailed,
  [CLOSE_CODES.protocolVersion]: ERROR_CODES.protocolVersion,
};

/** Frames sent without expecting an answer, only while open. */
export type PostFrame = Exclude<ClientFrame, RefFrame | HelloFrame | PingFrame>;

/** What the owner of a connection (a client) hears from it. */
export interface ConnectionDelegate {
  /** Builds the `hello` for each attempt (it may change between attempts: token, resume). */
  hello(): HelloFrame;
  /** The hub welcomed us. Called before queued commands go out and before the `open` status. */
  welcome(frame: WelcomeFrame): void;
  /** Every decoded frame that is not `welcome`, `pong`, or an answer to a command. */
  frame(frame: ServerFrame): void;
  status(status: ConnectionStatus): void;
  /** Bad frames, error frames that answer nothing, and the reason of a final close. */
  error(error: ParleyError): void;
  /** The link that was open is gone (lost, timed out, or closed). */
  down?(): void;
  /**
   * The hub refused the hello (`auth_failed`). Return true to try again at once with a
   * fresh `hello()` — once, until the next welcome; otherwise the connection closes.
   */
  retryRejected?(error: ParleyError): boolean;
}

export interface ConnectionOptions {
  readonly transport: TransportFactory;
  readonly clock: Clock;
  /** Reads the hub's frames and results for the client's role (`VISITOR_DECODER`, `AGENT_DECODER`). */
  readonly decoder: ServerDecoder;
  readonly timing?: Partial<ConnectionTiming>;
  readonly random?: () => number;
}


/**
 * Hello rejections that a retry with the same hello cannot fix: bad credentials,
 * another protocol version, and — when the hub closes over them — an unknown
 * site or a refused origin.
 */
function isTerminal(frame: ErrorFrame): boolean {
  if (frame.code === ERROR_CODES.authFailed || frame.code === ERROR_CODES.protocolVersion) return true;
  return frame.fatal === true && (frame.code === ERROR_CODES.notFound || frame.code === ERROR_CODES.forbidden);
}

export class Connection {
  readonly #clock: Clock;
  readonly #factory: TransportFactory;
  readonly #random: () => number;
  readonly #timing: ConnectionTiming;
  readonly #delegate: ConnectionDelegate;
  readonly #decodeFrame: ServerDecoder['frame'];
  readonly #requests: PendingRequests;

  #state: State = { name: 'idle' };
  #status: ConnectionStatus = 'idle';
  /** Failed attempts since the last welcome. */
  #attempt = 0;
  #everOpen = false;
  #retriedRejection = false;
  readonly #inbox: Input[] = [];
  #busy = false;

  constructor(options: ConnectionOptions, delegate: ConnectionDelegate) {
    this.#clock = options.clock;
    this.#factory = options.transport;
    this.#random = options.random ?? Math.random;
    this.#timing = { ...DEFAULT_TIMING, ...options.timing };
    this.#delegate = delegate;
    this.#decodeFrame = options.decoder.frame;
    this.#requests = new PendingRequests(options.clock, options.decoder.ackResult);
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** The machine's state, finer than {@link status}; for tests and debugging. */
  get stateName(): ConnectionStateName {
    return this.#state.name;
  }

  /** Whether the hub welcomed us on the current link (true inside the welcome delegate too). */
  get isOpen(): boolean {
    return this.#state.name === 'open';
  }

  /** Starts connecting; in back-off it retries at once; after `close()` it starts again. */
  connect(): void {
    this.#dispatch({ type: 'connect' });
  }

  /** Closes for good: no more attempts, every waiting command fails with `closed`. */
  close(): void {
    this.#dispatch({ type: 'close' });
  }

  /** Drops the current link (if any) and connects again at once with a fresh `hello`. */
  reconnect(): void {
    this.#dispatch({ type: 'reconnect' });
  }

  /**
   * Sends a command and resolves with its checked `ack.result`, or rejects with a
   * {@link ParleyError}: the hub's error code; `timeout` when no answer came within
   * `requestTimeoutMs` (counted from this call, waiting included) or the link was
   * lost while it was in flight (it is not sent again, since the hub may have
   * applied it); `closed` when the connection closes first. Commands made while
   * not open wait for the next welcome. Optional fields may be left `undefined`:
   * frames go out as JSON, which leaves them out.
   */
  request<K extends CommandType>(command: CommandFrame<K> & { readonly type: K }, timeoutMs = this.#timing.requestTimeoutMs): Promise<CommandResult<K>> {
    if (this.#state.name === 'closed') {
      const { error } = this.#state;
      return Promise.reject(new ParleyError(error.code, error.message, command.type));
    }
    const promise = this.#requests.add(command, timeoutMs);
    this.#sendQueued();
    return promise as Promise<CommandResult<K>>;
  }

  /** Sends a frame that expects no answer; returns false (and sends nothing) unless open. */
  post(frame: PostFrame): boolean {
    return this.#sendIfOpen(frame);
  }

  // ── the machine ────────────────────────────────────────────────────────────

  #dispatch(input: Input): void {
    this.#inbox.push(input);
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let next = this.#inbox.shift(); next; next = this.#inbox.shift()) {
        try {
          this.#step(next);
        } catch (error) {
          // A bug in a delegate or an event handler; keep the machine and the transport going.
          console.error('Parley: a connection event handler threw', error);
        }
      }
    } finally {
      this.#busy = false;
    }
    this.#publishStatus();
  }

  #step(input: Input): void {
    const state = this.#state;
    switch (state.name) {
      case 'idle':
      case 'waiting':
        // Only 'waiting' has a timer to bring 'retry'.
        if (input.type === 'retry' || input.type === 'connect' || input.type === 'reconnect') this.#attemptNow();
        else if (input.type === 'close') this.#shutdown();
        return;
      case 'connecting':
        if (input.type !== 'opened') return this.#common(input);
        this.#goto({ ...state, name: 'handshaking' });
        this.#send(state.link, this.#delegate.hello());
        return;
      case 'handshaking':
        return this.#onHandshaking(input);
      case 'open':
        return this.#onOpen(state, input);
      case 'closed':
        if (input.type === 'connect' || input.type === 'reconnect') {
          this.#attempt = 0;
          this.#everOpen = false;
          this.#retriedRejection = false;
          this.#attemptNow();
        }
        return;
      default:
        return assertNever(state, 'connection state');
    }
  }

  #onHandshaking(input: Input): void {
    if (input.type !== 'data') return this.#common(input);
    const frame = this.#decode(input.data);
    if (!frame) return;
    if (frame.type === 'welcome') return this.#welcome(frame);
    if (frame.type === 'error' && frame.ref === undefined) return this.#hubError(frame);
    // Nothing else is meaningful before the welcome.
  }

  #onOpen(state: Extract<State, { name: 'open' }>, input: Input): void {
    switch (input.type) {
      case 'data': {
        if (state.awaitingPong) this.#goto({ ...state, timer: this.#timer('ping', this.#timing.pingIntervalMs), awaitingPong: false });
        const frame = this.#decode(input.data);
        if (frame) this.#frame(frame);
        return;
      }
      case 'ping':
        this.#goto({ ...state, timer: this.#timer('silence', this.#timing.pongTimeoutMs), awaitingPong: true });
        this.#send(state.link, { type: 'ping', t: this.#clock.now() });
        return;
      case 'silence':
        return this.#retryLater(CLOSE_CODES.heartbeatTimeout, 'heartbeat timeout');
      default:
        return this.#common(input);
    }
  }

  /** Inputs handled alike while a link exists. */
  #common(input: Input): void {
    switch (input.type) {
      case 'close':
        return this.#shutdown();
      case 'reconnect':
        return this.#attemptNow();
      case 'deadline':
        return this.#retryLater(CLOSE_CODES.normal, 'connect timeout');
      case 'lost': {
        const refusal = REFUSING_CLOSES[input.code];
        if (refusal) return this.#reject(new ParleyError(refusal, input.reason || `The hub closed the connection: ${refusal}.`));
        if (input.code === CLOSE_CODES.rateLimited) this.#attempt = Math.max(this.#attempt, RATE_LIMITED_ATTEMPT);
        return this.#retryLater();
      }
      case 'connect':
      case 'opened':
      case 'data':
      case 'ping':
      case 'silence':
      case 'retry':
        return;
      default:
        return assertNever(input, 'connection input');
    }
  }

  #welcome(frame: WelcomeFrame): void {
    const state = this.#state;
    if (state.name !== 'handshaking') return;
    this.#attempt = 0;
    this.#everOpen = true;
    this.#retriedRejection = false;
    this.#goto({ name: 'open', link: state.link, timer: this.#timer('ping', this.#timing.pingIntervalMs), awaitingPong: false });
    this.#delegate.welcome(frame);
    this.#sendQueued();
  }

  #frame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'ack':
        this.#requests.ack(frame.ref, frame.result);
        return;
      case 'error':
        // An error answering a command that already timed out is of no use to anyone.
        if (frame.ref !== undefined) this.#requests.error(frame.ref, frame.code, frame.message);
        else this.#hubError(frame);
        return;
      case 'pong':
      case 'welcome':
        return;
      default:
        this.#delegate.frame(frame);
    }
  }

  /** An error frame that answers no command: about the connection itself. */
  #hubError(frame: ErrorFrame): void {
    const error = new ParleyError(frame.code, frame.message);
    if (isTerminal(frame)) return this.#reject(error);
    this.#delegate.error(error);
    if (frame.fatal) {
      if (frame.code === ERROR_CODES.rateLimited) this.#attempt = Math.max(this.#attempt, RATE_LIMITED_ATTEMPT);
      this.#retryLater();
    }
  }

  #decode(data: unknown): ServerFrame | undefined {
    const decoded = this.#decodeFrame(data);
    if (decoded.ok) return decoded.value;
    this.#delegate.error(new ParleyError(decoded.code, `Ignored a frame from the hub: ${decoded.message}`));
    return undefined;
  }

  // ── transitions ────────────────────────────────────────────────────────────

  #attemptNow(): void {
    try {
      const transport = this.#factory();
      const link: Link = { transport, unlisten: () => {} };
      // Connecting before listening: a transport may report at once, and only the current link is heard.
      this.#goto({ name: 'connecting', link, timer: this.#timer('deadline', this.#timing.connectTimeoutMs) });
      const fromLink = (input: Input) => {
        if (linkOf(this.#state) === link) this.#dispatch(input);
      };
      link.unlisten = transport.listen({
        open: () => fromLink({ type: 'opened' }),
        message: (data) => fromLink({ type: 'data', data }),
        close: (event) =>
          fromLink({ type: 'lost', code: event?.code ?? CLOSE_CODES.abnormal, reason: event?.reason ?? '' }),
        // A close follows an error; the deadlines cover transports where it does not.
        error: () => {},
      });
    } catch (error) {
      this.#delegate.error(new ParleyError(ERROR_CODES.internal, `The transport failed: ${String(error)}`));
      this.#retryLater();
    }
  }

  #retryLater(closeCode: number = CLOSE_CODES.normal, reason = ''): void {
    const delay = backoffDelay(this.#attempt, this.#timing.backoffBaseMs, this.#timing.backoffMaxMs, this.#random);
    this.#attempt++;
    this.#goto({ name: 'waiting', timer: this.#timer('retry', delay) }, closeCode, reason);
  }

  /** The hub refused us for good, unless the owner wants one more try with a new hello. */
  #reject(error: ParleyError): void {
    if (!this.#retriedRejection && error.code === ERROR_CODES.authFailed && this.#delegate.retryRejected?.(error)) {
      this.#retriedRejection = true;
      return this.#attemptNow();
    }
    this.#goto({ name: 'closed', error }, CLOSE_CODES.normal, error.code);
    this.#requests.fail(error.code, error.message);
    this.#delegate.error(error);
  }

  #shutdown(): void {
    const error = new ParleyError(ERROR_CODES.closed, 'The client is closed.');
    this.#goto({ name: 'closed', error }, CLOSE_CODES.normal, 'client closed');
    this.#requests.fail(error.code, error.message);
  }

  /** Enters a state, releasing the timers and the link the new state does not keep. */
  #goto(next: State, closeCode: number = CLOSE_CODES.normal, reason = ''): void {
    const previous = this.#state;
    this.#state = next;
    const timer = timerOf(previous);
    if (timer !== undefined && timer !== timerOf(next)) this.#clock.clearTimeout(timer);
    const link = linkOf(previous);
    if (link && link !== linkOf(next)) {
      link.unlisten();
      try {
        link.transport.close(closeCode, reason);
      } catch {
        // Already closed, or a transport that throws on close: either way it is gone.
      }
    }
    if (previous.name === 'open' && next.name !== 'open') {
      this.#requests.fail(ERROR_CODES.timeout, 'The connection was lost before the hub answered.', true);
      this.#delegate.down?.();
    }
  }

  #timer(type: 'deadline' | 'ping' | 'silence' | 'retry', ms: number): TimerHandle {
    return this.#clock.setTimeout(() => this.#dispatch({ type }), ms);
  }

  /** Sends on the current link if the hub welcomed us on it (the welcome delegate may have closed it). */
  #sendIfOpen(frame: ClientFrame): boolean {
    return this.#state.name === 'open' && this.#send(this.#state.link, frame);
  }

  #sendQueued(): void {
    this.#requests.sendQueued((frame) => this.#sendIfOpen(frame));
  }

  #send(link: Link, frame: ClientFrame): boolean {
    try {
      link.transport.send(encodeFrame(frame));
      return true;
    } catch {
      queueMicrotask(() => {
        if (linkOf(this.#state) === link) this.#dispatch({ type: 'lost', code: CLOSE_CODES.abnormal, reason: 'send failed' });
      });
      return false;
    }
  }

  #publishStatus(): void {
    const status = statusOf(this.#state, this.#everOpen);
    if (status === this.#status) return;
    this.#status = status;
    this.#delegate.status(status);
  }

}
