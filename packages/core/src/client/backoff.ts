/**
 * Reconnect delays: exponential back-off with "full jitter" (a uniform draw
 * between 0 and the exponential bound), so a crowd of clients dropped at the
 * same moment does not come back at the same moment.
 */

/** The bound for a retry: `base · 2^attempt`, at most `max`. `attempt` counts failures since the last welcome, from 0. */
export function backoffBound(attempt: number, baseMs: number, maxMs: number): number {
  // 2^attempt overflows to Infinity long after it passed any sane cap; min() handles it.
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

/** The delay before retry `attempt`: uniform in [0, bound). `random` returns a number in [0, 1). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * backoffBound(attempt, baseMs, maxMs));
}
