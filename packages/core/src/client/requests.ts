/**
 * Commands waiting for their `ack` or `error`. Each gets a `ref`, a deadline,
 * and a promise; the connection sends queued ones when it opens and fails the
 * ones in flight when the link is lost (the hub may or may not have applied
 * them, so they are not sent again blindly).
 */
import type { Clock, TimerHandle } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { ClientFrame } from '../protocol/client-frames.js';
import type { ServerDecoder } from '../protocol/decode.js';
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';
import type { AckResults } from '../protocol/server-frames.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Frames that expect an answer. */
export type RefFrame = Extract<ClientFrame, { readonly ref: string }>;
/** The `type` of a frame that expects an answer. */
export type CommandType = RefFrame['type'];
/** A command as the caller writes it: the connection adds the `ref`. */
export type CommandFrame<K extends CommandType = CommandType> = DistributiveOmit<Extract<RefFrame, { type: K }>, 'ref'>;
/** What a command's promise resolves with: its checked `ack.result`. */
export type CommandResult<K extends CommandType> = K extends keyof AckResults
  ? AckResults[K]
  : Readonly<Record<string, unknown>>;

interface Entry {
  readonly frame: RefFrame;
  sent: boolean;
  readonly timer: TimerHandle;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: ParleyError) => void;
}

export class PendingRequests {
  readonly #clock: Clock;
  readonly #checkResult: ServerDecoder['ackResult'];
  readonly #entries = new Map<string, Entry>();
  #next = 0;

  /** @param checkResult checks an `ack.result` against what its command promises. */
  constructor(clock: Clock, checkResult: ServerDecoder['ackResult']) {
    this.#clock = clock;
    this.#checkResult = checkResult;
  }

  /** Registers a command; it waits (queued) until {@link sendQueued} sends it. Rejects with `timeout` after `timeoutMs`. */
  add(command: CommandFrame, timeoutMs: number): Promise<unknown> {
    const ref = `r${++this.#next}`;
    const frame = { ...command, ref } as RefFrame;
    return new Promise<unknown>((resolve, reject) => {
      const timer = this.#clock.setTimeout(
        () => this.#settle(ref, new ParleyError(ERROR_CODES.timeout, `"${frame.type}" was not answered in time.`, frame.type)),
        timeoutMs,
      );
      this.#entries.set(ref, { frame, sent: false, timer, resolve, reject });
    });
  }

  /** Sends the commands not sent yet, oldest first, while `send` succeeds. */
  sendQueued(send: (frame: RefFrame) => boolean): void {
    for (const entry of this.#entries.values()) {
      if (entry.sent) continue;
      if (!send(entry.frame)) return;
      entry.sent = true;
    }
  }

  /** Answers a command with its `ack.result`. A ref no command has (late or unknown) is ignored. */
  ack(ref: string, result: unknown): void {
    const type = this.#entries.get(ref)?.frame.type;
    if (type === undefined) return;
    const decoded = this.#checkResult(type, result);
    this.#settle(ref, decoded.ok ? decoded : new ParleyError(decoded.code, decoded.message, type));
  }

  /** Answers a command with an `error` frame. A ref no command has is ignored. */
  error(ref: string, code: ErrorCode, message: string): void {
    this.#settle(ref, new ParleyError(code, message, this.#entries.get(ref)?.frame.type));
  }

  /** Fails every command, or only those in flight (the link was lost before they were answered). */
  fail(code: ErrorCode, message: string, sentOnly = false): void {
    for (const [ref, entry] of [...this.#entries]) {
      if (entry.sent || !sentOnly) this.#settle(ref, new ParleyError(code, message, entry.frame.type));
    }
  }

  /** Ends a command: rejects it with an error, or resolves it with a checked result. */
  #settle(ref: string, outcome: ParleyError | { readonly value: unknown }): void {
    const entry = this.#entries.get(ref);
    if (!entry) return;
    this.#entries.delete(ref);
    this.#clock.clearTimeout(entry.timer);
    if (outcome instanceof ParleyError) entry.reject(outcome);
    else entry.resolve(outcome.value);
  }
}
