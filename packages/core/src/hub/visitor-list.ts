/**
 * The live visitor list (A3): every connected visitor of a site, chatting or
 * not. Works like awareness: agents who watch get a snapshot, then batched
 * `{ added, updated, removed }` changes at most every {@link LIST_BATCH_MS}.
 * A visitor who left stays listed (`online: false`, `leftAt`) for
 * {@link DEPARTED_LISTED_MS}, then is `removed`; its visit is forgotten
 * {@link VISIT_GAP_MS} after it left (a visit ends after 30 minutes away).
 */
import type { VisitorsWatchFrame } from '../protocol/client-frames.js';
import type { MemberInfo, PageView, VisitorInfo } from '../protocol/model.js';
import { TOPICS } from './bus.js';
import { type AgentCtx, requirePermission } from './command.js';
import type { HubCore } from './core.js';
import { PERMISSIONS } from './permissions.js';
import type { VisitorRecord } from './records.js';
import type { LiveVisitor, SiteState, TabPage } from './site-state.js';
import type { ConnectionContext } from './types.js';

export const LIST_BATCH_MS = 250;
export const DEPARTED_LISTED_MS = 5 * 60_000;
export const VISIT_GAP_MS = 30 * 60_000;

/** A tab's page with its dwell time up to now. */
export function pageViewOf(page: TabPage, now: number): PageView {
  const { record } = page;
  return {
    url: record.url,
    title: record.title,
    referrer: record.referrer,
    searchEngine: record.searchEngine,
    keyword: record.keyword,
    at: record.at,
    dwellMs: page.accumulated + (page.visibleSince === undefined ? 0 : Math.max(0, now - page.visibleSince)),
  };
}

export function visitorInfo(core: HubCore, state: SiteState, visitor: LiveVisitor): VisitorInfo {
  const sessionId = state.openByVisitor.get(visitor.id);
  const open = sessionId === undefined ? undefined : state.sessions.get(sessionId);
  return {
    id: visitor.id,
    siteId: state.site.id,
    online: visitor.connections > 0,
    // Only a verified member's name is the visitor's name; a claim stays in `member`, marked unverified.
    name: visitor.member?.verified ? visitor.member.name : undefined,
    member: visitor.member,
    visitCount: visitor.visitCount,
    ip: visitor.ip,
    location: visitor.location,
    language: visitor.language,
    userAgent: visitor.userAgent,
    enteredAt: visitor.enteredAt,
    leftAt: visitor.leftAt,
    referrer: visitor.referrer,
    searchEngine: visitor.searchEngine,
    keyword: visitor.keyword,
    currentPage: visitor.currentPage && pageViewOf(visitor.currentPage, core.clock.now()),
    pageViews: visitor.pageViews,
    sessionId: open?.record.id,
    sessionState: open?.record.state,
    agentId: open?.record.agentId,
    waitingSince: open?.queuedAt,
    lastMessage: visitor.lastMessage,
    card: visitor.card,
  };
}

/** Notes a change of a visitor for the next batch to watchers. */
export function markVisitor(
  core: HubCore,
  state: SiteState,
  visitorId: string,
  kind: 'added' | 'updated' | 'removed' = 'updated',
): void {
  const visitor = state.visitors.get(visitorId);
  if (kind !== 'removed' && !visitor?.listed) return;
  const previous = state.listChanges.get(visitorId);
  // An entry added in this batch is still "added" when it changes again.
  state.listChanges.set(visitorId, kind === 'updated' && previous === 'added' ? 'added' : kind);
  if (state.listTimer !== undefined) return;
  state.listTimer = core.timers.set('visitors.flush', state.site.id, LIST_BATCH_MS, () => {
    state.listTimer = undefined;
    flushVisitorList(core, state);
  });
}

function flushVisitorList(core: HubCore, state: SiteState): void {
  // Nobody watches: nothing to build (whoever starts watching gets a snapshot).
  if (!core.fanout.hasWatchers(state.site.id)) {
    state.listChanges.clear();
    return;
  }
  const added: VisitorInfo[] = [];
  const updated: VisitorInfo[] = [];
  const removed: string[] = [];
  for (const [id, kind] of state.listChanges) {
    const visitor = state.visitors.get(id);
    if (kind === 'removed' || !visitor?.listed) removed.push(id);
    else (kind === 'added' ? added : updated).push(visitorInfo(core, state, visitor));
  }
  state.listChanges.clear();
  if (added.length + updated.length + removed.length > 0) {
    core.fanout.toWatchers(state.site.id, { type: 'visitors', added, updated, removed });
  }
}

/** `visitors.watch`: a snapshot, then the batched changes; or stop. */
export async function watchVisitors(ctx: AgentCtx, frame: VisitorsWatchFrame): Promise<Record<string, never>> {
  requirePermission(ctx, PERMISSIONS.viewVisitors);
  const { core, conn, state } = ctx;
  const topic = TOPICS.siteWatchers(state.site.id);
  if (frame.watch && !conn.watching) {
    conn.watching = true;
    const added = [...state.visitors.values()].filter((v) => v.listed).map((v) => visitorInfo(core, state, v));
    conn.send({ type: 'visitors', added, updated: [], removed: [] });
    conn.subscribe(topic);
  } else if (!frame.watch && conn.watching) {
    conn.watching = false;
    conn.unsubscribe(topic);
  }
  return {};
}

export interface Arrival {
  readonly record: VisitorRecord;
  readonly newVisit: boolean;
  readonly member?: MemberInfo;
  readonly context: ConnectionContext;
  readonly language?: string;
  readonly userAgent?: string;
}

/** A visitor's connection opened: it is (again) online in the list; a new visit starts afresh. */
export function visitorArrived(core: HubCore, state: SiteState, arrival: Arrival): LiveVisitor {
  const { record } = arrival;
  let visitor = state.visitors.get(record.id);
  if (!visitor || arrival.newVisit) {
    if (visitor) {
      core.timers.clear(visitor.removeTimer);
      core.timers.clear(visitor.forgetTimer);
    }
    visitor = {
      id: record.id,
      connections: 0,
      visitCount: record.visitCount,
      enteredAt: core.clock.now(),
      firstPageSeen: false,
      pageViews: 0,
      listed: visitor?.listed ?? false,
      declined: false,
    };
    state.visitors.set(record.id, visitor);
  }
  core.timers.clear(visitor.removeTimer);
  core.timers.clear(visitor.forgetTimer);
  visitor.removeTimer = visitor.forgetTimer = undefined;
  visitor.connections++;
  visitor.leftAt = undefined;
  visitor.visitCount = record.visitCount;
  visitor.member = arrival.member ?? visitor.member ?? record.member;
  visitor.card = record.card;
  visitor.ip = arrival.context.ip ?? visitor.ip;
  visitor.location = arrival.context.location ?? visitor.location;
  visitor.language = arrival.language ?? visitor.language;
  visitor.userAgent = arrival.userAgent ?? visitor.userAgent;
  const kind = visitor.listed ? 'updated' : 'added';
  visitor.listed = true;
  markVisitor(core, state, record.id, kind);
  return visitor;
}

/** A visitor's connection closed; the last one makes it leave (still listed for a while). */
export function visitorLeft(core: HubCore, state: SiteState, visitorId: string): void {
  const visitor = state.visitors.get(visitorId);
  if (!visitor) return;
  visitor.connections = Math.max(0, visitor.connections - 1);
  if (visitor.connections > 0) return markVisitor(core, state, visitorId);
  const siteId = state.site.id;
  visitor.leftAt = core.clock.now();
  markVisitor(core, state, visitorId);
  visitor.removeTimer = core.timers.set('visitors.remove', siteId, DEPARTED_LISTED_MS, () => {
    visitor.removeTimer = undefined;
    visitor.listed = false;
    markVisitor(core, state, visitorId, 'removed');
  });
  visitor.forgetTimer = core.timers.set('visitors.forget', siteId, VISIT_GAP_MS, () => {
    if (state.visitors.get(visitorId) === visitor && visitor.connections === 0) state.visitors.delete(visitorId);
  });
}
