/**
 * Token buckets: the per-connection frame limit and the per-IP limit on new
 * connections. Buckets refill lazily when read, so an idle connection costs
 * three numbers and no timer.
 */

/** A rate and a burst: `burst` at once, then `perSecond` on average. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

/** A token bucket. `take()` returns false when it is empty. */
export class TokenBucket {
  #tokens: number;
  #at: number;
  readonly #limit: RateLimit;

  constructor(limit: RateLimit, now: number) {
    this.#limit = limit;
    this.#tokens = limit.burst;
    this.#at = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    const { perSecond, burst } = this.#limit;
    if (now > this.#at) {
      this.#tokens = Math.min(burst, this.#tokens + ((now - this.#at) * perSecond) / 1000);
      this.#at = now;
    }
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Whether the bucket is full again, i.e. remembering it is pointless. */
  full(now: number): boolean {
    return this.#tokens + ((now - this.#at) * this.#limit.perSecond) / 1000 >= this.#limit.burst;
  }
}

/** Limits new connections per client IP. */
export interface IpLimiter {
  /** Counts one new connection from `ip`; false when over the limit. */
  allow(ip: string): boolean;
  /** Stops the clean-up timer. */
  close(): void;
}

/**
 * Makes an {@link IpLimiter}: `perMinute` new connections per IP on average,
 * `burst` at once. `perMinute <= 0` or `Infinity` turns it off. Full buckets
 * are forgotten every minute, so memory follows the active IPs only.
 */
export function createIpLimiter(options: { readonly perMinute: number; readonly burst: number; readonly now?: () => number }): IpLimiter {
  const now = options.now ?? Date.now;
  if (!(options.perMinute > 0) || options.perMinute === Infinity) return { allow: () => true, close() {} };
  const limit: RateLimit = { perSecond: options.perMinute / 60, burst: Math.max(1, options.burst) };
  const buckets = new Map<string, TokenBucket>();
  const sweep = setInterval(() => {
    const t = now();
    for (const [ip, bucket] of buckets) if (bucket.full(t)) buckets.delete(ip);
  }, 60_000);
  sweep.unref();
  return {
    allow(ip) {
      const t = now();
      let bucket = buckets.get(ip);
      if (!bucket) buckets.set(ip, (bucket = new TokenBucket(limit, t)));
      return bucket.take(t);
    },
    close() {
      clearInterval(sweep);
      buckets.clear();
    },
  };
}
