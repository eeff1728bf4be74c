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
  readonly ref: string;
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

  /** Registers a command; it waits (queued) until {@link markSent}. Rejects with `timeout` after `timeoutMs`. */
  add(command: CommandFrame, timeoutMs: number): { frame: RefFrame; promise: Promise<unknown> } {
    const ref = `r${++this.#next}`;
    const frame = { ...command, ref } as RefFrame;
    const promise = new Promise<unknown>((resolve, reject) => {
      const timer = this.#clock.setTimeout(() => {
        this.#settle(ref)?.reject(
          new ParleyError(ERROR_CODES.timeout, `"${frame.type}" was not answered in time.`, frame.type),
        );
      }, timeoutMs);
      this.#entries.set(ref, { ref, frame, sent: false, timer, resolve, reject });
    });
    return { frame, promise };
  }

  /** Commands not sent yet, oldest first. */
  queued(): RefFrame[] {
    return [...this.#entries.values()].filter((e) => !e.sent).map((e) => e.frame);
  }

  markSent(ref: string): void {
    const entry = this.#entries.get(ref);
    if (entry) entry.sent = true;
  }

  /** Answers a command with its `ack.result`; false when no command has that ref (late or unknown). */
  ack(ref: string, result: unknown): boolean {
    const entry = this.#settle(ref);
    if (!entry) return false;
    const command = entry.frame.type;
    const decoded = this.#checkResult(command, result);
    if (decoded.ok) entry.resolve(decoded.value);
    else entry.reject(new ParleyError(decoded.code, decoded.message, command));
    return true;
  }

  /** Answers a command with an `error` frame; false when no command has that ref. */
  error(ref: string, code: ErrorCode, message: string): boolean {
    const entry = this.#settle(ref);
    if (!entry) return false;
    entry.reject(new ParleyError(code, message, entry.frame.type));
    return true;
  }

  /** Fails the commands in flight (the link was lost before they were answered). */
  failSent(code: ErrorCode, message: string): void {
    for (const entry of [...this.#entries.values()]) {
      if (entry.sent) this.#settle(entry.ref)?.reject(new ParleyError(code, message, entry.frame.type));
    }
  }

  /** Fails every command, sent or not. */
  failAll(code: ErrorCode, message: string): void {
    for (const entry of [...this.#entries.values()]) {
      this.#settle(entry.ref)?.reject(new ParleyError(code, message, entry.frame.type));
    }
  }

  #settle(ref: string): Entry | undefined {
    const entry = this.#entries.get(ref);
    if (!entry) return undefined;
    this.#entries.delete(ref);
    this.#clock.clearTimeout(entry.timer);
    return entry;
  }
}
