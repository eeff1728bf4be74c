/** A client connection as the hub's parts see it. Internal. */
import type { TimerHandle } from '../clock.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import type { TabPage } from './site-state.js';
import type { ConnectionContext } from './types.js';

export interface VisitorActor {
  readonly role: 'visitor';
  readonly siteId: string;
  readonly visitorId: string;
}

export interface AgentActor {
  readonly role: 'agent';
  readonly siteId: string;
  readonly agentId: string;
}

export type Actor = VisitorActor | AgentActor;

export interface Conn {
  readonly id: number;
  /** Unique among the connections of every hub node on the bus: names this one in a fan-out's exclusion. */
  readonly key: string;
  readonly context: ConnectionContext;
  readonly actor: Actor | undefined;
  readonly closed: boolean;
  /** Sends one frame to this connection only. */
  send(frame: ServerFrame): void;
  subscribe(topic: string): void;
  unsubscribe(topic: string): void;
  close(code: number, reason: string): void;
  /** Visitor tabs: the page shown now, and whether the tab is hidden. */
  page?: TabPage;
  hidden: boolean;
  /** Agents: receiving the live visitor list. */
  watching: boolean;
  /** Visitor tabs: auto-invite timers armed by the current page. */
  inviteTimers: readonly TimerHandle[];
}
