/**
 * Where the hub keeps what must last. The hub calls nothing else for storage;
 * an adapter implements this over its database and proves it with the
 * conformance suite in `@parley/core/hub/conformance`.
 *
 * Every method may be called concurrently. `appendMessage` is the only writer
 * of `seq` and must be atomic per session.
 */
import type { Message } from '../protocol/model.js';
import type {
  AgentRecord,
  GroupRecord,
  NewMessage,
  OfflineMessageRecord,
  PageViewRecord,
  SessionRecord,
  SiteRecord,
  VisitorRecord,
} from './records.js';
import type { SessionState } from '../protocol/model.js';

export interface SessionQuery {
  readonly siteId: string;
  readonly visitorId?: string;
  readonly agentId?: string;
  readonly states?: readonly SessionState[];
  /** Created at or after. */
  readonly from?: number;
  /** Created before. */
  readonly to?: number;
  /** Sessions with a message containing this text (case-insensitive). */
  readonly text?: string;
  /** Newest first; at most this many (default 100). */
  readonly limit?: number;
}

/**
 * Which messages of a session to read. Results are always in `seq` order,
 * oldest first.
 */
export interface MessageQuery {
  /** Only messages with `seq` greater than this; with `limit`, the oldest ones after it (catching up). */
  readonly afterSeq?: number;
  /** Only messages with `seq` less than this; with `limit`, the newest ones before it (paging back). */
  readonly beforeSeq?: number;
  /** At most this many; without `afterSeq` the newest ones are kept. */
  readonly limit?: number;
}

export interface Store {
  getSite(siteId: string): Promise<SiteRecord | undefined>;
  listSites(): Promise<SiteRecord[]>;
  saveSite(site: SiteRecord): Promise<void>;

  getAgent(agentId: string): Promise<AgentRecord | undefined>;
  /** Agents of a site, oldest first. */
  listAgents(siteId: string): Promise<AgentRecord[]>;
  saveAgent(agent: AgentRecord): Promise<void>;
  deleteAgent(agentId: string): Promise<void>;

  listGroups(siteId: string): Promise<GroupRecord[]>;
  saveGroup(group: GroupRecord): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;

  getVisitor(siteId: string, visitorId: string): Promise<VisitorRecord | undefined>;
  saveVisitor(visitor: VisitorRecord): Promise<void>;

  /** Inserts or replaces by id (dwell time grows while the visitor stays). */
  savePageView(view: PageViewRecord): Promise<void>;
  /** A visitor's page views, oldest first, the newest `limit` of them. */
  listPageViews(siteId: string, visitorId: string, limit?: number): Promise<PageViewRecord[]>;

  getSession(sessionId: string): Promise<SessionRecord | undefined>;
  /** Inserts or replaces by id. */
  saveSession(session: SessionRecord): Promise<void>;
  listSessions(query: SessionQuery): Promise<SessionRecord[]>;
  /** Sessions of a site an agent accepted at or after `since` (sales-mode routing). */
  countAcceptedSince(siteId: string, agentId: string, since: number): Promise<number>;

  /**
   * Appends a message with the next `seq` of its session. When a message with
   * the same `clientId` already exists in the session, returns it unchanged
   * with `created: false`.
   */
  appendMessage(message: NewMessage): Promise<{ message: Message; created: boolean }>;
  listMessages(sessionId: string, query?: MessageQuery): Promise<Message[]>;
  /** The highest `seq` of a session (0 when it has no message). */
  lastSeq(sessionId: string): Promise<number>;

  saveOfflineMessage(message: OfflineMessageRecord): Promise<void>;
  /** Newest first. */
  listOfflineMessages(siteId: string, query?: { replied?: boolean; limit?: number }): Promise<OfflineMessageRecord[]>;
  getOfflineMessage(id: string): Promise<OfflineMessageRecord | undefined>;

  /** Releases what the store holds open; pending writes are durable when it resolves. */
  close(): Promise<void>;
}
