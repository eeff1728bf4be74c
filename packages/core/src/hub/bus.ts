/**
 * Fan-out between hub nodes. Every frame the hub sends to a group of
 * connections goes through the bus on a topic; each node delivers it to its
 * own connections. One node uses {@link createLocalBus}; several share Redis.
 * Payloads are encoded frames, so a frame is serialised once however many
 * receive it.
 */
export interface Bus {
  publish(topic: string, payload: string): void;
  subscribe(topic: string, handler: (payload: string) => void): () => void;
  /**
   * Whether a handler may be subscribed to `topic` on any node. Optional: a
   * bus that cannot tell leaves it out and the hub assumes there is. Lets the
   * hub skip building frames nobody would receive (the live visitor list's
   * batches when no agent watches).
   */
  hasSubscribers?(topic: string): boolean;
  close(): Promise<void>;
}

/** Topic names the hub uses. */
export const TOPICS = {
  /** Everything a site's agents see: visitor list, queue, presence, offline messages. */
  siteAgents: (siteId: string) => `site:${siteId}:agents`,
  /** Whether anyone can chat, for a site's visitors. */
  siteVisitors: (siteId: string) => `site:${siteId}:visitors`,
  /** Every session's traffic of a site (messages, typing, reads, session changes), for supervisors (A12). */
  siteSupervisors: (siteId: string) => `site:${siteId}:supervisors`,
  /** Live visitor-list changes, for the agents who asked to watch it (A3). */
  siteWatchers: (siteId: string) => `site:${siteId}:watchers`,
  agent: (agentId: string) => `agent:${agentId}`,
  visitor: (siteId: string, visitorId: string) => `visitor:${siteId}:${visitorId}`,
} as const;

/** An in-process bus: delivery is synchronous and in order. */
export function createLocalBus(): Bus {
  type Handler = (payload: string) => void;
  // Most topics (a visitor's, an agent's) have one subscriber: kept as is, a Set only for more.
  const topics = new Map<string, Handler | Set<Handler>>();
  return {
    publish(topic, payload) {
      const handlers = topics.get(topic);
      if (handlers === undefined) return;
      if (typeof handlers === 'function') return handlers(payload);
      // A handler may (un)subscribe: the ones present now get the payload, once.
      for (const handler of [...handlers]) handler(payload);
    },
    hasSubscribers: (topic) => topics.has(topic),
    subscribe(topic, handler) {
      const present = topics.get(topic);
      if (present === undefined) topics.set(topic, handler);
      else if (typeof present === 'function') topics.set(topic, new Set([present, handler]));
      else present.add(handler);
      return () => {
        const now = topics.get(topic);
        if (now === handler) topics.delete(topic);
        else if (typeof now === 'object') {
          now.delete(handler);
          if (now.size === 0) topics.delete(topic);
        }
      };
    },
    async close() {
      topics.clear();
    },
  };
}
