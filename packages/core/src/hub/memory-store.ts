/**
 * A {@link Store} in memory: for tests, demos and the in-page hub. Records are
 * copied in and out, so nothing a caller holds can change what is stored —
 * the same guarantee a database gives.
 */
import type { Message } from '../protocol/model.js';
import type {
  AgentRecord,
  GroupRecord,
  OfflineMessageRecord,
  PageViewRecord,
  SessionRecord,
  SiteRecord,
  VisitorRecord,
} from './records.js';
import type { Store } from './store.js';

/** Deep copy of a JSON-safe record; `undefined` fields are dropped as JSON would. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => copy(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = copy(item);
    return out as T;
  }
  return value;
}

const DEFAULT_SESSION_LIMIT = 100;
const DEFAULT_OFFLINE_LIMIT = 100;

interface SessionMessages {
  readonly list: Message[];
  readonly byClientId: Map<string, Message>;
}

/** Creates an empty in-memory store. */
export function createMemoryStore(): Store {
  const sites = new Map<string, SiteRecord>();
  const agents = new Map<string, AgentRecord>();
  const groups = new Map<string, GroupRecord>();
  const visitors = new Map<string, VisitorRecord>();
  const pageViews = new Map<string, PageViewRecord>();
  const sessions = new Map<string, SessionRecord>();
  const messages = new Map<string, SessionMessages>();
  const offline = new Map<string, OfflineMessageRecord>();
  const visitorKey = (siteId: string, visitorId: string) => `${siteId}\u0000${visitorId}`;

  function messagesOf(sessionId: string): SessionMessages {
    let entry = messages.get(sessionId);
    if (!entry) messages.set(sessionId, (entry = { list: [], byClientId: new Map() }));
    return entry;
  }

  return {
    async getSite(siteId) {
      return copy(sites.get(siteId));
    },
    async listSites() {
      return [...sites.values()].map(copy);
    },
    async saveSite(site) {
      sites.set(site.id, copy(site));
    },

    async getAgent(agentId) {
      return copy(agents.get(agentId));
    },
    async listAgents(siteId) {
      return [...agents.values()].filter((a) => a.siteId === siteId).map(copy);
    },
    async saveAgent(agent) {
      agents.set(agent.id, copy(agent));
    },
    async deleteAgent(agentId) {
      agents.delete(agentId);
    },

    async listGroups(siteId) {
      return [...groups.values()].filter((g) => g.siteId === siteId).map(copy);
    },
    async saveGroup(group) {
      groups.set(group.id, copy(group));
    },
    async deleteGroup(groupId) {
      groups.delete(groupId);
    },

    async getVisitor(siteId, visitorId) {
      return copy(visitors.get(visitorKey(siteId, visitorId)));
    },
    async saveVisitor(visitor) {
      visitors.set(visitorKey(visitor.siteId, visitor.id), copy(visitor));
    },

    async savePageView(view) {
      pageViews.set(view.id, copy(view));
    },
    async listPageViews(siteId, visitorId, limit) {
      const all = [...pageViews.values()]
        .filter((v) => v.siteId === siteId && v.visitorId === visitorId)
        .sort((a, b) => a.at - b.at);
      return (limit === undefined ? all : all.slice(Math.max(0, all.length - limit))).map(copy);
    },

    async getSession(sessionId) {
      return copy(sessions.get(sessionId));
    },
    async saveSession(session) {
      sessions.set(session.id, copy(session));
    },
    async listSessions(query) {
      const text = query.text?.toLowerCase();
      const found = [...sessions.values()].filter(
        (s) =>
          s.siteId === query.siteId &&
          (query.visitorId === undefined || s.visitorId === query.visitorId) &&
          (query.agentId === undefined || s.agentId === query.agentId) &&
          (query.states === undefined || query.states.includes(s.state)) &&
          (query.from === undefined || s.createdAt >= query.from) &&
          (query.to === undefined || s.createdAt < query.to) &&
          (text === undefined ||
            (messages.get(s.id)?.list.some((m) => m.text?.toLowerCase().includes(text)) ?? false)),
      );
      // Newest first; the stable sort keeps insertion order reversed for equal times.
      found.reverse().sort((a, b) => b.createdAt - a.createdAt);
      return found.slice(0, query.limit ?? DEFAULT_SESSION_LIMIT).map(copy);
    },
    async countAcceptedSince(siteId, agentId, since) {
      let count = 0;
      for (const s of sessions.values()) {
        if (s.siteId === siteId && s.agentId === agentId && s.acceptedAt !== undefined && s.acceptedAt >= since) count++;
      }
      return count;
    },

    async appendMessage(message) {
      // Synchronous from here on: JavaScript runs it whole, so seq is atomic per session.
      const entry = messagesOf(message.sessionId);
      const existing = entry.byClientId.get(message.clientId);
      if (existing) return { message: copy(existing), created: false };
      const last = entry.list[entry.list.length - 1];
      const stored: Message = { ...copy(message), seq: (last?.seq ?? 0) + 1 };
      entry.list.push(stored);
      entry.byClientId.set(stored.clientId, stored);
      return { message: copy(stored), created: true };
    },
    async listMessages(sessionId, query = {}) {
      const list = messages.get(sessionId)?.list ?? [];
      let found = list.filter(
        (m) =>
          (query.afterSeq === undefined || m.seq > query.afterSeq) &&
          (query.beforeSeq === undefined || m.seq < query.beforeSeq),
      );
      if (query.limit !== undefined) {
        // After a seq: the oldest ones (catching up); otherwise the newest ones (paging back).
        found = query.afterSeq !== undefined ? found.slice(0, query.limit) : found.slice(Math.max(0, found.length - query.limit));
      }
      return found.map(copy);
    },
    async lastSeq(sessionId) {
      const list = messages.get(sessionId)?.list;
      return list?.[list.length - 1]?.seq ?? 0;
    },

    async saveOfflineMessage(message) {
      offline.set(message.id, copy(message));
    },
    async listOfflineMessages(siteId, query = {}) {
      const found = [...offline.values()]
        .filter((m) => m.siteId === siteId && (query.replied === undefined || m.replied === query.replied))
        .reverse()
        .sort((a, b) => b.createdAt - a.createdAt);
      return found.slice(0, query.limit ?? DEFAULT_OFFLINE_LIMIT).map(copy);
    },
    async getOfflineMessage(id) {
      return copy(offline.get(id));
    },

    async close() {},
  };
}
