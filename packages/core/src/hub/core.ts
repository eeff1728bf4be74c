/**
 * What every part of the hub shares: its injected dependencies, the fan-out,
 * the locks, tracked timers and background work. Internal.
 */
import type { Clock, TimerHandle } from '../clock.js';
import type { IdGenerator } from '../ids.js';
import type { HubAuth } from './auth.js';
import type { Bus } from './bus.js';
import type { Fanout } from './fanout.js';
import type { KeyedLock } from './lock.js';
import type { SiteRegistry } from './site-state.js';
import type { Store } from './store.js';
import type { HubEvents, HubLogger } from './types.js';

export interface HubCore {
  /** A random name of this hub instance, so that connection keys are unique across nodes sharing a bus. */
  readonly node: string;
  readonly store: Store;
  readonly auth: HubAuth;
  readonly bus: Bus;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly fanout: Fanout;
  readonly locks: KeyedLock;
  /** Reports on the hub's events; a throwing listener is logged, never propagated. */
  emit<K extends keyof HubEvents>(type: K, event: HubEvents[K]): void;
  readonly logger: HubLogger;
  readonly sites: SiteRegistry;
  readonly timers: TimerSet;
  /** Logs an internal failure and reports it on `events`. */
  report(where: string, error: unknown, siteId?: string): void;
  /** Runs work nobody awaits (timers, queue draining); failures are reported, `close()` waits for it. */
  background(where: string, siteId: string | undefined, work: () => Promise<void>): void;
  /** Resolves when no background work is left. */
  settled(): Promise<void>;
}

/** Clock timers the hub can clear all at once when it closes. */
export interface TimerSet {
  set(where: string, siteId: string | undefined, ms: number, callback: () => void | Promise<void>): TimerHandle;
  clear(handle: TimerHandle | undefined): void;
  clearAll(): void;
}

export function createTimerSet(clock: Clock, background: HubCore['background']): TimerSet {
  const live = new Set<TimerHandle>();
  return {
    set(where, siteId, ms, callback) {
      const handle = clock.setTimeout(() => {
        live.delete(handle);
        background(where, siteId, async () => {
          await callback();
        });
      }, ms);
      live.add(handle);
      return handle;
    },
    clear(handle) {
      if (handle === undefined) return;
      live.delete(handle);
      clock.clearTimeout(handle);
    },
    clearAll() {
      for (const handle of live) clock.clearTimeout(handle);
      live.clear();
    },
  };
}
