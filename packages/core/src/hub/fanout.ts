/**
 * The one place where frames leave for groups of connections. Each frame is
 * encoded once and published on the bus; each connection subscribed to the
 * topic sends the text as it is.
 *
 * A payload may carry an exclusion, `!<skip>\n<frame>`: a connection skips it
 * when `skip` is its agent's id (supervisors subscribe both to their own topic
 * and to the site's supervisor topic; the exclusion keeps them from receiving
 * a chat they serve twice) or its own {@link Conn.key} (the sender of a
 * message, whose ack already carries it).
 */
import { encodeFrame } from '../protocol/decode.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import { type Bus, TOPICS } from './bus.js';
import type { Conn } from './conn.js';

/** A frame encoded once, to publish on several topics without encoding it again (see `message-encoding.ts`). */
export class EncodedFrame {
  constructor(readonly data: string) {}
}

/** What a fan-out publishes: a frame, or one already encoded. */
export type Outgoing = ServerFrame | EncodedFrame;

const dataOf = (frame: Outgoing): string => (frame instanceof EncodedFrame ? frame.data : encodeFrame(frame));

export interface Fanout {
  /** Every tab of a visitor; `except` (a {@link Conn.key}) leaves one connection out. */
  toVisitor(siteId: string, visitorId: string, frame: Outgoing, except?: string): void;
  toAgent(agentId: string, frame: Outgoing): void;
  toSiteAgents(siteId: string, frame: Outgoing): void;
  toSiteVisitors(siteId: string, frame: Outgoing): void;
  toWatchers(siteId: string, frame: Outgoing): void;
  /** Whether an agent may be watching the site's visitor list (on any node). */
  hasWatchers(siteId: string): boolean;
  /**
   * The agent serving a session (if any) and the site's supervisors, once each;
   * `except` (a {@link Conn.key} of the serving agent) leaves one connection out.
   */
  toSessionAgents(siteId: string, agentId: string | undefined, frame: Outgoing, except?: string): void;
}

export function createFanout(bus: Bus): Fanout {
  return {
    toVisitor: (siteId, visitorId, frame, except) => bus.publish(TOPICS.visitor(siteId, visitorId), excluding(except, dataOf(frame))),
    toAgent: (agentId, frame) => bus.publish(TOPICS.agent(agentId), dataOf(frame)),
    toSiteAgents: (siteId, frame) => bus.publish(TOPICS.siteAgents(siteId), dataOf(frame)),
    toSiteVisitors: (siteId, frame) => bus.publish(TOPICS.siteVisitors(siteId), dataOf(frame)),
    toWatchers: (siteId, frame) => bus.publish(TOPICS.siteWatchers(siteId), dataOf(frame)),
    hasWatchers: (siteId) => bus.hasSubscribers?.(TOPICS.siteWatchers(siteId)) ?? true,
    toSessionAgents(siteId, agentId, frame, except) {
      const data = dataOf(frame);
      if (agentId === undefined) {
        bus.publish(TOPICS.siteSupervisors(siteId), data);
        return;
      }
      bus.publish(TOPICS.agent(agentId), excluding(except, data));
      bus.publish(TOPICS.siteSupervisors(siteId), excluding(agentId, data));
    },
  };
}

const excluding = (skip: string | undefined, data: string) => (skip === undefined ? data : `!${skip}\n${data}`);

/**
 * What a connection sends of a payload published on a topic it subscribed to:
 * the frame, or undefined when the payload's exclusion names this connection
 * or its agent.
 */
export function deliverable(payload: string, conn: Pick<Conn, 'key' | 'actor'>): string | undefined {
  if (payload.charCodeAt(0) !== EXCLAMATION) return payload;
  const newline = payload.indexOf('\n');
  if (newline < 0) return undefined;
  const skip = payload.slice(1, newline);
  const { actor } = conn;
  if ((actor?.role === 'agent' && skip === actor.agentId) || skip === conn.key) return undefined;
  return payload.slice(newline + 1);
}

const EXCLAMATION = 0x21;
