/** Visitor context for agents (A11): details with trajectory and earlier chats; the customer card. */
import type { VisitorCardFrame, VisitorDetailFrame } from '../protocol/client-frames.js';
import type { VisitorInfo } from '../protocol/model.js';
import type { AckResults } from '../protocol/server-frames.js';
import { type AgentCtx, notFound, requirePermission } from './command.js';
import type { HubCore } from './core.js';
import { PERMISSIONS } from './permissions.js';
import type { VisitorRecord } from './records.js';
import { lastSeqOf, sessionInfo } from './session-records.js';
import type { SiteState } from './site-state.js';
import { markVisitor, pageViewOf, visitorInfo } from './visitor-list.js';
import { updateVisitorRecord } from './visitor-record.js';

const PAGE_VIEWS = 100;
const SESSIONS = 50;

/** The live entry when the visitor is (or was lately) on the site, else what the store knows. */
function infoOf(core: HubCore, state: SiteState, record: VisitorRecord): VisitorInfo {
  const live = state.visitors.get(record.id);
  if (live) return visitorInfo(core, state, live);
  return {
    id: record.id,
    siteId: record.siteId,
    online: false,
    name: record.member?.verified ? record.member.name : undefined,
    member: record.member,
    visitCount: record.visitCount,
    enteredAt: record.lastSeenAt,
    leftAt: record.lastSeenAt,
    pageViews: 0,
    card: record.card,
  };
}

export async function visitorDetail(ctx: AgentCtx, frame: VisitorDetailFrame): Promise<AckResults['visitor.detail']> {
  requirePermission(ctx, PERMISSIONS.viewVisitors);
  const { core, state } = ctx;
  const siteId = state.site.id;
  const record = (await core.store.getVisitor(siteId, frame.visitorId)) ?? notFound('visitor');
  const [views, sessions] = await Promise.all([
    core.store.listPageViews(siteId, record.id, PAGE_VIEWS),
    core.store.listSessions({ siteId, visitorId: record.id, limit: SESSIONS }),
  ]);
  // The page shown now has a dwell time the store has not caught up with.
  const current = state.visitors.get(record.id)?.currentPage;
  const now = core.clock.now();
  return {
    visitor: infoOf(core, state, record),
    pageViews: views.map((view) =>
      current?.record.id === view.id
        ? pageViewOf(current, now)
        : { url: view.url, title: view.title, referrer: view.referrer, searchEngine: view.searchEngine, keyword: view.keyword, at: view.at, dwellMs: view.dwellMs },
    ),
    sessions: await Promise.all(
      sessions.map(async (s) => sessionInfo(state, state.sessions.get(s.id)?.record ?? s, await lastSeqOf(core, state, s.id))),
    ),
  };
}

export async function editCard(ctx: AgentCtx, frame: VisitorCardFrame): Promise<AckResults['visitor.card']> {
  requirePermission(ctx, PERMISSIONS.editCards);
  const { core, state } = ctx;
  const siteId = state.site.id;
  const record =
    (await updateVisitorRecord(core, siteId, frame.visitorId, (visitor) => visitor && { ...visitor, card: frame.card })) ??
    notFound('visitor');
  const live = state.visitors.get(record.id);
  if (live) {
    live.card = record.card;
    markVisitor(core, state, record.id);
  }
  return { visitor: infoOf(core, state, record) };
}
