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

export type State =
  | { readonly name: 'idle' }
  | { readonly name: 'connecting'; readonly link: Link; readonly deadline: TimerHandle }
  | { readonly name: 'handshaking'; readonly link: Link; readonly deadline: TimerHandle }
  | { readonly name: 'open'; readonly link: Link; readonly heartbeat: TimerHandle; readonly awaitingPong: boolean }
  | { readonly name: 'waiting'; readonly retry: TimerHandle }
  | { readonly name: 'closed'; readonly error?: ParleyError };

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

export function timersOf(state: State): TimerHandle[] {
  switch (state.name) {
    case 'idle':
    case 'closed':
      return [];
    case 'connecting':
    case 'handshaking':
      return [state.deadline];
    case 'open':
      return [state.heartbeat];
    case 'waiting':
      return [state.retry];
    default:
      return assertNever(state, 'connection state');
  }
}

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
