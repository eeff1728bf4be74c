/**
 * Lets every pending promise chain finish without moving the fake clock: each
 * round waits for the macrotask queue, which runs only once microtasks drained.
 * No real time passes in any test.
 */
import { setImmediate } from 'node:timers';
import type { FakeClock } from '../../../../src/index.js';

export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Moves the fake clock, then lets everything that became due finish. */
export async function advance(clock: FakeClock, ms: number): Promise<void> {
  await clock.advance(ms);
  await settle();
}

/** Records a client's events in order, for assertions. */
export function recorder<Events extends Record<string, unknown>>(
  source: { on<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): () => void },
  types: readonly (keyof Events)[],
): { events: { type: keyof Events; event: unknown }[]; of<K extends keyof Events>(type: K): Events[K][] } {
  const events: { type: keyof Events; event: unknown }[] = [];
  for (const type of types) source.on(type, (event) => events.push({ type, event }));
  return {
    events,
    of: <K extends keyof Events>(type: K) => events.filter((e) => e.type === type).map((e) => e.event as Events[K]),
  };
}
