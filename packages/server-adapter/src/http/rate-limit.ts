/**
 * A fixed-window counter per key (an IP), in memory. Enough to slow a script
 * that tries many logins from one address; the per-login lock-out does the rest.
 */

/** Counts hits per key. */
export interface RateLimiter {
  /** Counts a hit; returns when to retry if the key is over its limit, else undefined. */
  hit(key: string): number | undefined;
}

/** At most `max` hits per key per `windowMs`. Old windows are forgotten as they pass. */
export function createRateLimiter(max: number, windowMs: number, now: () => number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    hit(key) {
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) windows.set(key, (w = { start: t, count: 0 }));
      w.count++;
      return w.count > max ? w.start + windowMs : undefined;
    },
  };
}
