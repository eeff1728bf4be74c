/**
 * Trajectory (flow 2, V10): each page view is stored, with search engine and
 * keyword read by the hub from the referrer (the client's reading is never
 * trusted); dwell time runs while the tab is visible and is banked when the
 * tab is hidden, moves to another page, or closes. The live list shows the
 * latest page of any of the visitor's tabs.
 */
import type { PageViewFrame, PageVisibilityFrame } from '../protocol/client-frames.js';
import { parseReferrer } from '../referrer.js';
import { onPageView } from './auto-invite.js';
import type { VisitorCtx } from './command.js';
import type { Conn } from './conn.js';
import type { HubCore } from './core.js';
import type { SiteState, TabPage } from './site-state.js';
import { markVisitor, pageViewOf } from './visitor-list.js';

/** Banks the dwell time of the tab's page and stores it (in the background). */
function saveDwell(core: HubCore, state: SiteState, page: TabPage): void {
  const dwellMs = pageViewOf(page, core.clock.now()).dwellMs;
  const record = { ...page.record, dwellMs };
  page.record = record;
  core.background('page.dwell', state.site.id, () => core.store.savePageView(record));
}

export async function viewPage(ctx: VisitorCtx, frame: PageViewFrame): Promise<void> {
  const { core, conn, state, actor } = ctx;
  const visitor = state.visitors.get(actor.visitorId);
  if (!visitor) return;
  const now = core.clock.now();
  if (conn.page) leavePage(core, state, conn);
  const search = parseReferrer(frame.referrer);
  const page: TabPage = {
    record: {
      id: `pv_${core.ids('ref').replace(/^ref_/, '')}`,
      siteId: state.site.id,
      visitorId: actor.visitorId,
      url: frame.url,
      title: frame.title,
      referrer: frame.referrer,
      searchEngine: search.searchEngine,
      keyword: search.keyword,
      at: now,
      dwellMs: 0,
    },
    visibleSince: conn.hidden ? undefined : now,
    accumulated: 0,
  };
  conn.page = page;
  visitor.currentPage = page;
  visitor.pageViews++;
  if (!visitor.firstPageSeen) {
    // The visit's referrer is its landing page's.
    visitor.firstPageSeen = true;
    visitor.referrer = frame.referrer;
    visitor.searchEngine = search.searchEngine;
    visitor.keyword = search.keyword;
  }
  markVisitor(core, state, actor.visitorId);
  onPageView(core, state, conn, visitor, page);
  await core.store.savePageView(page.record);
}

export async function setVisibility(ctx: VisitorCtx, frame: PageVisibilityFrame): Promise<void> {
  const { core, conn, state, actor } = ctx;
  if (conn.hidden === frame.hidden) return;
  conn.hidden = frame.hidden;
  const page = conn.page;
  if (!page) return;
  const now = core.clock.now();
  if (frame.hidden) {
    page.accumulated = pageViewOf(page, now).dwellMs;
    page.visibleSince = undefined;
    saveDwell(core, state, page);
  } else {
    page.visibleSince = now;
  }
  markVisitor(core, state, actor.visitorId);
}

/** The tab moves on or closes: its page's dwell time is final. */
export function leavePage(core: HubCore, state: SiteState, conn: Conn): void {
  const page = conn.page;
  if (!page) return;
  page.accumulated = pageViewOf(page, core.clock.now()).dwellMs;
  page.visibleSince = undefined;
  saveDwell(core, state, page);
  conn.page = undefined;
  for (const timer of conn.inviteTimers) core.timers.clear(timer);
  conn.inviteTimers = [];
}
