/**
 * What every inbound frame passes before it reaches the hub, whatever carried
 * it: the per-connection rate limit, and the hello check against the
 * connection's target (see {@link checkHello}).
 */
import type { TransportRateLimits } from './options.js';
import { TokenBucket } from './rate-limit.js';
import { checkHello, type ConnectionTarget } from './target.js';

/**
 * What to do with a frame:
 * - `pass`: hand it to the hub;
 * - `refuse`: drop it and answer `rate_limited`;
 * - `close-rate`: too many refused frames: close with 4008;
 * - `close-target`: a hello for another site or role: close with 1008.
 */
export type InboundVerdict = 'pass' | 'refuse' | 'close-rate' | 'close-target';

export class InboundGuard {
  readonly #target: ConnectionTarget;
  readonly #limits: TransportRateLimits;
  readonly #frames: TokenBucket;
  /** Made on the first refusal only: most connections never need it. */
  #refusals: TokenBucket | undefined;
  /** Whether a fitting hello went through; frames are no longer inspected after it. */
  #helloSeen = false;

  constructor(target: ConnectionTarget, limits: TransportRateLimits, now: number) {
    this.#target = target;
    this.#limits = limits;
    this.#frames = new TokenBucket(limits.frames, now);
  }

  check(data: string, now: number): InboundVerdict {
    if (!this.#frames.take(now)) {
      this.#refusals ??= new TokenBucket(this.#limits.refusals, now);
      return this.#refusals.take(now) ? 'refuse' : 'close-rate';
    }
    if (!this.#helloSeen) {
      const hello = checkHello(this.#target, data);
      if (hello === 'mismatch') return 'close-target';
      if (hello === 'hello') this.#helloSeen = true;
    }
    return 'pass';
  }
}

/** Most characters of a frame parsed to find the `ref` a refusal answers. */
const REF_SCAN_CHARS = 4096;

/** The frame's `ref`, when it is small enough to read cheaply. */
export function readRef(data: string): string | undefined {
  if (data.length > REF_SCAN_CHARS || !data.includes('"ref"')) return undefined;
  try {
    const ref = (JSON.parse(data) as { ref?: unknown }).ref;
    return typeof ref === 'string' && ref.length > 0 && ref.length <= 64 ? ref : undefined;
  } catch {
    return undefined;
  }
}

/** An `error` frame, encoded. */
export function errorFrame(code: string, message: string, options: { ref?: string; fatal?: boolean } = {}): string {
  return JSON.stringify({
    type: 'error',
    ...(options.ref !== undefined && { ref: options.ref }),
    code,
    message,
    ...(options.fatal && { fatal: true }),
  });
}
