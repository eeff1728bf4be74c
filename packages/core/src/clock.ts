/**
 * Time, injected: the clients and the hub read the time and set timers only
 * through a Clock, so tests can run hours of heartbeats, back-offs and timeouts
 * in microseconds with {@link createFakeClock}.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque timer handle. */
export type TimerHandle = { readonly __timer: true };

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms) as TimerHandle,
  clearTimeout: (handle) => clearTimeout(handle),
};

/** A clock that moves only when told; due timers fire in time order. */
export interface FakeClock extends Clock {
  /** Moves time forward, firing due timers in order and letting promises settle between them. */
  advance(ms: number): Promise<void>;
  /** Lets pending promises and microtasks settle without moving time. */
  flush(): Promise<void>;
  /** Number of timers waiting. */
  pending(): number;
}

export function createFakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const clock: FakeClock = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = ++nextId;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id as unknown as TimerHandle;
    },
    clearTimeout(handle) {
      timers.delete(handle as unknown as number);
    },
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        let dueId: number | undefined;
        let due: { at: number; callback: () => void } | undefined;
        for (const [id, t] of timers) {
          if (t.at <= until && (!due || t.at < due.at)) {
            dueId = id;
            due = t;
          }
        }
        if (!due || dueId === undefined) break;
        timers.delete(dueId);
        now = due.at;
        due.callback();
        await settle();
      }
      now = until;
      await settle();
    },
    flush: settle,
    pending: () => timers.size,
  };
  return clock;
}
