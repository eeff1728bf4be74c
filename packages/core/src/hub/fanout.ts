/**
 * The one place where frames leave for groups of connections. Each frame is
 * encoded once and published on the bus; each connection subscribed to the
 * topic sends the text as it is.
 *
 * A payload may carry an exclusion, `!<agentId>\n<frame>`: connections of
 * that agent skip it. Supervisors subscribe both to their own topic and to
 * the site's supervisor topic; the exclusion keeps them from receiving a
 * chat they serve twice.
 */
import { encodeFrame } from '../protocol/decode.js';
import type { ServerFrame } from '../protocol/server-frames.js';
import { type Bus, TOPICS } from './bus.js';

export interface Fanout {
  toVisitor(siteId: string, visitorId: string, frame: ServerFrame): void;
  toAgent(agentId: string, frame: ServerFrame): void;
  toSiteAgents(siteId: string, frame: ServerFrame): void;
  toSiteVisitors(siteId: string, frame: ServerFrame): void;
  toWatchers(siteId: string, frame: ServerFrame): void;
  /** The agent serving a session (if any) and the site's supervisors, once each. */
  toSessionAgents(siteId: string, agentId: string | undefined, frame: ServerFrame): void;
}

export function createFanout(bus: Bus): Fanout {
  return {
    toVisitor: (siteId, visitorId, frame) => bus.publish(TOPICS.visitor(siteId, visitorId), encodeFrame(frame)),
    toAgent: (agentId, frame) => bus.publish(TOPICS.agent(agentId), encodeFrame(frame)),
    toSiteAgents: (siteId, frame) => bus.publish(TOPICS.siteAgents(siteId), encodeFrame(frame)),
    toSiteVisitors: (siteId, frame) => bus.publish(TOPICS.siteVisitors(siteId), encodeFrame(frame)),
    toWatchers: (siteId, frame) => bus.publish(TOPICS.siteWatchers(siteId), encodeFrame(frame)),
    toSessionAgents(siteId, agentId, frame) {
      const data = encodeFrame(frame);
      if (agentId === undefined) {
        bus.publish(TOPICS.siteSupervisors(siteId), data);
        return;
      }
      bus.publish(TOPICS.agent(agentId), data);
      bus.publish(TOPICS.siteSupervisors(siteId), `!${agentId}\n${data}`);
    },
  };
}

/**
 * Subscribes a connection's `send` to a topic, honouring exclusions for the
 * agent it belongs to. Returns the unsubscribe function.
 */
export function subscribeTopic(
  bus: Bus,
  topic: string,
  send: (data: string) => void,
  agentId?: string,
): () => void {
  return bus.subscribe(topic, (payload) => {
    if (!payload.startsWith('!')) return send(payload);
    const newline = payload.indexOf('\n');
    if (newline < 0) return;
    if (payload.slice(1, newline) !== agentId) send(payload.slice(newline + 1));
  });
}
