/**
 * Closes connections from which nothing (no frame, decodable or not) came
 * for the idle timeout, with 4010 `heartbeatTimeout`. One timer serves every
 * connection (a timer each cost an idle connection ~350 bytes): it is set for
 * the earliest deadline, closes what expired when it fires, and is set again
 * for the next deadline. Activity only moves a connection's own deadline.
 * Internal.
 */
import type { TimerHandle } from '../clock.js';
import { CLOSE_CODES } from '../transport/transport.js';
import type { HubCore } from './core.js';

/** What the watch needs of a connection. */
export interface Watched {
  readonly closed: boolean;
  /** When the connection last received anything (the hub's clock). */
  readonly lastActivity: number;
  close(code: number, reason: string): void;
}

export interface IdleWatch {
  /** A new connection: its deadline counts from now. */
  watch(conn: Watched): void;
}

export function createIdleWatch(core: HubCore, connections: ReadonlySet<Watched>, timeoutMs: number): IdleWatch {
  let timer: TimerHandle | undefined;
  let armedFor = Infinity;

  function arm(deadline: number): void {
    if (timer !== undefined && armedFor <= deadline) return;
    core.timers.clear(timer);
    armedFor = deadline;
    timer = core.timers.set('connection.idle', undefined, Math.max(0, deadline - core.clock.now()), sweep);
  }

  function sweep(): void {
    timer = undefined;
    armedFor = Infinity;
    const now = core.clock.now();
    let next = Infinity;
    for (const conn of [...connections]) {
      if (conn.closed) continue;
      const deadline = conn.lastActivity + timeoutMs;
      if (deadline <= now) conn.close(CLOSE_CODES.heartbeatTimeout, 'Nothing received for too long.');
      else next = Math.min(next, deadline);
    }
    if (next !== Infinity) arm(next);
  }

  return { watch: (conn) => arm(conn.lastActivity + timeoutMs) };
}
