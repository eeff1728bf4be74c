/** Bounded retries with back-off, cancellable when the server stops. */

/** Thrown by an attempt that must not be retried (a 4xx answer, a refused address). */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}

/** Default pauses between attempts: five attempts over about 2.5 minutes. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000];

/**
 * Runs `attempt` until it resolves, a {@link PermanentError} is thrown, the
 * delays run out, or `signal` aborts. Each delay gets ±20 % jitter so many
 * failed deliveries do not retry in lockstep.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  delaysMs: readonly number[],
  signal: AbortSignal,
  onRetry: (error: unknown, n: number, delayMs: number) => void = () => {},
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const delay = delaysMs[n];
      if (error instanceof PermanentError || delay === undefined || signal.aborted) throw error;
      const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
      onRetry(error, n, jittered);
      await sleep(jittered, signal);
      if (signal.aborted) throw error;
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
