/**
 * The typing throttle: at most one frame per interval, the latest draft always
 * goes out in the end (trailing edge), and an emptied draft goes out at once so
 * the preview disappears without delay.
 */
import type { Clock, TimerHandle } from '../clock.js';

export interface DraftThrottle {
  /** A new draft value. */
  push(draft: string): void;
  /** Forgets any pending value and what was sent last (the link was lost). */
  reset(): void;
  /** Stops the timer for good. */
  dispose(): void;
}

/**
 * @param send called with each value that should go out; returns whether it went
 *   out (false when the link is down, so the value stays the one to send later).
 */
export function createDraftThrottle(clock: Clock, intervalMs: number, send: (draft: string) => boolean): DraftThrottle {
  let lastSent = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  let pending: string | undefined;
  let timer: TimerHandle | undefined;

  const cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  const emit = (draft: string) => {
    if (send(draft)) {
      lastSent = draft;
      lastAt = clock.now();
    }
  };
  const fire = () => {
    timer = undefined;
    const value = pending;
    pending = undefined;
    if (value !== undefined && value !== lastSent) emit(value);
  };

  return {
    push(draft) {
      if (draft === '') {
        cancel();
        if (lastSent !== '') emit('');
        return;
      }
      if (draft === lastSent && timer === undefined) return;
      const wait = lastAt + intervalMs - clock.now();
      if (wait <= 0 && timer === undefined) {
        emit(draft);
        return;
      }
      pending = draft;
      if (timer === undefined) timer = clock.setTimeout(fire, Math.max(0, wait));
    },
    reset() {
      cancel();
      lastSent = '';
    },
    dispose: cancel,
  };
}
