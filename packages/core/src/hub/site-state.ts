/**
 * What the hub keeps in memory per site: the live part that is never stored
 * (presence, the live visitor list, the queue order, pending invites and
 * transfers) and a write-through cache of the site's open sessions, so
 * routing can decide synchronously. Loaded on first use, kept until the hub
 * closes. Internal.
 *
 * One node holds this state; running several nodes (wave 2) needs it shared.
 */
import type { TimerHandle } from '../clock.js';
import type { AgentStatus, Availability, Invite, MemberInfo, SessionState, TransferOffer } from '../protocol/model.js';
import type { Conn } from './conn.js';
import type { HubCore } from './core.js';
import type { AgentRecord, GroupRecord, PageViewRecord, SessionRecord, SiteRecord } from './records.js';

export const OPEN_STATES: readonly SessionState[] = ['queued', 'active', 'transferring'];
/** Open sessions read when a site loads; far above any real site's concurrent chats. */
const OPEN_SESSIONS_LIMIT = 100_000;
export const isOpen = (state: SessionState) => OPEN_STATES.includes(state);

/** A session not ended yet, with what the hub tracks beside its record. */
export interface OpenSession {
  record: SessionRecord;
  lastSeq: number;
  /** When it (re-)entered the queue. */
  queuedAt?: number;
  queueTimer?: TimerHandle;
  /** The queue position the visitor was last told. */
  toldPosition?: number;
  autoReplyTimer?: TimerHandle;
  transferId?: string;
}

export interface AgentPresence {
  status: AgentStatus;
  /** Open connections of the agent on this node. */
  connections: number;
}

/** The page a visitor's tab shows, with its dwell time so far. */
export interface TabPage {
  record: PageViewRecord;
  /** Set while the tab is visible: dwell time runs. */
  visibleSince?: number;
  /** Dwell time banked before the last hide. */
  accumulated: number;
}

/** A visitor in the live list (A3) and its current visit. */
export interface LiveVisitor {
  readonly id: string;
  connections: number;
  visitCount: number;
  enteredAt: number;
  leftAt?: number;
  member?: MemberInfo;
  card?: Readonly<Record<string, string>>;
  ip?: string;
  location?: string;
  language?: string;
  userAgent?: string;
  /** Whether the visit's first page view was seen (its referrer is the visit's). */
  firstPageSeen: boolean;
  referrer?: string;
  searchEngine?: string;
  keyword?: string;
  currentPage?: TabPage;
  pageViews: number;
  lastMessage?: { text: string; at: number };
  /** Listed for watching agents; false once `removed` was sent after leaving. */
  listed: boolean;
  removeTimer?: TimerHandle;
  forgetTimer?: TimerHandle;
  /** Declined an invite in this visit: no more automatic invites. */
  declined: boolean;
  /** Automatic invites sent in this visit, by rule name; made at the first one. */
  autoInvites?: Map<string, { count: number; lastAt: number }>;
}

export interface PendingInvite {
  readonly invite: Invite;
  /** The session a proactive invite opened. */
  readonly sessionId?: string;
  timer?: TimerHandle;
}

export interface PendingTransfer {
  offer: TransferOffer;
  timer?: TimerHandle;
}

export interface TypingEntry {
  lastSentAt: number;
  lastSent?: string;
  lastActive: boolean;
  pending?: () => void;
  timer?: TimerHandle;
}

export interface SiteState {
  site: SiteRecord;
  agents: Map<string, AgentRecord>;
  groups: GroupRecord[];
  presence: Map<string, AgentPresence>;
  sessions: Map<string, OpenSession>;
  /** The open session of each visitor (at most one). */
  openByVisitor: Map<string, string>;
  /** Queued session ids, oldest first. */
  queue: string[];
  visitors: Map<string, LiveVisitor>;
  invites: Map<string, PendingInvite>;
  transfers: Map<string, PendingTransfer>;
  typing: Map<string, TypingEntry>;
  availability: Availability;
  /** Visitor-list changes not yet sent to watchers. */
  listChanges: Map<string, 'added' | 'updated' | 'removed'>;
  listTimer?: TimerHandle;
  drainScheduled: boolean;
  /** The queue changed since agents were last sent it. */
  queueDirty: boolean;
  /** Connections of this site on this node. */
  connections: Set<Conn>;
}

export interface SiteRegistry {
  /** The site's state, loading it on first use; undefined for an unknown site. */
  get(siteId: string): Promise<SiteState | undefined>;
  /** The site's state if loaded. */
  peek(siteId: string): SiteState | undefined;
  all(): IterableIterator<SiteState>;
}

/** What to do with a freshly loaded site (re-arm queue timers). */
export type SiteLoaded = (state: SiteState) => void;

export function createSiteRegistry(getCore: () => HubCore, onLoaded: SiteLoaded): SiteRegistry {
  const loaded = new Map<string, SiteState>();
  const loading = new Map<string, Promise<SiteState | undefined>>();

  async function load(siteId: string): Promise<SiteState | undefined> {
    const { store } = getCore();
    const site = await store.getSite(siteId);
    if (!site) return undefined;
    const [agents, groups, open] = await Promise.all([
      store.listAgents(siteId),
      store.listGroups(siteId),
      store.listSessions({ siteId, states: OPEN_STATES, limit: OPEN_SESSIONS_LIMIT }),
    ]);
    const state: SiteState = {
      site,
      agents: new Map(agents.map((a) => [a.id, a])),
      groups,
      presence: new Map(),
      sessions: new Map(),
      openByVisitor: new Map(),
      queue: [],
      visitors: new Map(),
      invites: new Map(),
      transfers: new Map(),
      typing: new Map(),
      availability: 'offline',
      listChanges: new Map(),
      drainScheduled: false,
      queueDirty: false,
      connections: new Set(),
    };
    for (const stored of open.reverse()) {
      // Transfer offers live in memory only: after a restart the chat is back with its agent.
      const record: SessionRecord = stored.state === 'transferring' ? { ...stored, state: 'active' } : stored;
      state.sessions.set(record.id, { record, lastSeq: await store.lastSeq(record.id) });
      state.openByVisitor.set(record.visitorId, record.id);
    }
    return state;
  }

  return {
    get(siteId) {
      const ready = loaded.get(siteId);
      if (ready) return Promise.resolve(ready);
      let pending = loading.get(siteId);
      if (!pending) {
        pending = load(siteId).then(
          (state) => {
            loading.delete(siteId);
            if (state) {
              loaded.set(siteId, state);
              onLoaded(state);
            }
            return state;
          },
          (error: unknown) => {
            loading.delete(siteId);
            throw error;
          },
        );
        loading.set(siteId, pending);
      }
      return pending;
    },
    peek: (siteId) => loaded.get(siteId),
    all: () => loaded.values(),
  };
}
