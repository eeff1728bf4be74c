/**
 * The connection machine's states and inputs, and what each state holds: the
 * timers and the link a transition must release when it leaves the state.
 */
import type { TimerHandle } from '../clock.js';
import type { ParleyError } from '../errors.js';
import { assertNever } from '../internal/assert-never.js';
import type { Transport } from '../transport/transport.js';
import type { ConnectionStatus } from './types.js';

export interface Link {
  readonly transport: Transport;
  unlisten: () => void;
}

/**
 * Each state holds at most one timer, `timer`, which leaving the state clears
 * (unless the next state keeps it): the connect deadline while connecting and
 * handshaking, the heartbeat while open, the next attempt while waiting.
 */
export type State =
  | { readonly name: 'idle' }
  | { readonly name: 'connecting'; readonly link: Link; readonly timer: TimerHandle }
  | { readonly name: 'handshaking'; readonly link: Link; readonly timer: TimerHandle }
  | { readonly name: 'open'; readonly link: Link; readonly timer: TimerHandle; readonly awaitingPong: boolean }
  | { readonly name: 'waiting'; readonly timer: TimerHandle }
  /** `error`: why — `closed` when the owner closed it, else the hub's refusal. */
  | { readonly name: 'closed'; readonly error: ParleyError };

export type ConnectionStateName = State['name'];

export type Input =
  | { readonly type: 'connect' }
  | { readonly type: 'close' }
  | { readonly type: 'reconnect' }
  | { readonly type: 'opened' }
  | { readonly type: 'data'; readonly data: unknown }
  | { readonly type: 'lost'; readonly code: number; readonly reason: string }
  | { readonly type: 'deadline' }
  | { readonly type: 'ping' }
  | { readonly type: 'silence' }
  | { readonly type: 'retry' };

export const linkOf = (state: State): Link | undefined => ('link' in state ? state.link : undefined);

export const timerOf = (state: State): TimerHandle | undefined => ('timer' in state ? state.timer : undefined);

/** The public status of a state; `everOpen` tells a first connection from a reconnection. */
export function statusOf(state: State, everOpen: boolean): ConnectionStatus {
  switch (state.name) {
    case 'idle':
      return 'idle';
    case 'connecting':
    case 'handshaking':
    case 'waiting':
      return everOpen ? 'reconnecting' : 'connecting';
    case 'open':
      return 'open';
    case 'closed':
      return 'closed';
    default:
      return assertNever(state, 'connection state');
  }
}
