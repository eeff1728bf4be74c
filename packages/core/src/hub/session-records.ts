/**
 * Sessions as the hub's parts share them: building the `SessionInfo` each
 * side sees, finding a session within a site, writing a change through the
 * cache to the store, and telling everyone concerned. Internal.
 */
import type { SessionInfo } from '../protocol/model.js';
import type { HubCore } from './core.js';
import { enterQueue, flushQueue, leaveQueue } from './queue.js';
import type { SessionRecord } from './records.js';
import { isOpen, type OpenSession, type SiteState } from './site-state.js';
import { forgetTyping } from './typing.js';
import { markVisitor } from './visitor-list.js';

/**
 * The session as a client sees it. Visitors never see the agents' evaluation.
 * `lastSeq` comes from the cache for open sessions (see {@link lastSeqOf}).
 */
export function sessionInfo(state: SiteState, record: SessionRecord, lastSeq: number, forVisitor = false): SessionInfo {
  const agent = record.agentId === undefined ? undefined : state.agents.get(record.agentId);
  const position = record.state === 'queued' ? state.queue.indexOf(record.id) + 1 : 0;
  return {
    id: record.id,
    siteId: record.siteId,
    visitorId: record.visitorId,
    state: record.state,
    agentId: record.agentId,
    agentName: agent?.name,
    groupId: record.groupId,
    fields: record.fields,
    createdAt: record.createdAt,
    acceptedAt: record.acceptedAt,
    endedAt: record.endedAt,
    queuePosition: position > 0 ? position : undefined,
    lastSeq,
    readSeq: record.readSeq,
    rating: record.rating,
    evaluation: forVisitor ? undefined : record.evaluation,
  };
}

export const openInfo = (state: SiteState, open: OpenSession, forVisitor = false) =>
  sessionInfo(state, open.record, open.lastSeq, forVisitor);

export interface FoundSession {
  readonly record: SessionRecord;
  /** Present while the session is not ended. */
  readonly open?: OpenSession;
}

/** A session of this site; undefined when unknown or another site's (the caller answers `not_found`). */
export async function findSession(core: HubCore, state: SiteState, sessionId: string): Promise<FoundSession | undefined> {
  const open = state.sessions.get(sessionId);
  if (open) return { record: open.record, open };
  const record = await core.store.getSession(sessionId);
  return record && record.siteId === state.site.id ? { record } : undefined;
}

export async function lastSeqOf(core: HubCore, state: SiteState, sessionId: string): Promise<number> {
  return state.sessions.get(sessionId)?.lastSeq ?? (await core.store.lastSeq(sessionId));
}

/**
 * Writes a session's new record: the cache and the queue change at once
 * (synchronously, so routing decisions that follow see them), then the store.
 */
export async function commitSession(core: HubCore, state: SiteState, next: SessionRecord): Promise<void> {
  const before = state.sessions.get(next.id);
  const wasQueued = before?.record.state === 'queued';
  if (isOpen(next.state)) {
    const open: OpenSession = before ?? { record: next, lastSeq: 0 };
    open.record = next;
    state.sessions.set(next.id, open);
    state.openByVisitor.set(next.visitorId, next.id);
    if (next.state === 'queued' && !wasQueued) enterQueue(core, state, open);
    if (next.state !== 'queued' && wasQueued) leaveQueue(core, state, open);
  } else if (before) {
    if (wasQueued) leaveQueue(core, state, before);
    core.timers.clear(before.autoReplyTimer);
    forgetTyping(core, state, next.id);
    state.sessions.delete(next.id);
    if (state.openByVisitor.get(next.visitorId) === next.id) state.openByVisitor.delete(next.visitorId);
  }
  await core.store.saveSession(next);
}

export interface NotifyOptions {
  /** The agent who served it before this change (told so it can let go). */
  readonly previousAgentId?: string;
  readonly change?: 'created' | 'updated';
  /** False for changes only agents see (evaluation). */
  readonly toVisitor?: boolean;
}

/**
 * Tells the visitor (its view), the serving agent and the supervisors (the
 * agents' view) that a session changed; updates the visitor list and the
 * queue, and reports the change on the hub's events.
 */
export function notifySession(
  core: HubCore,
  state: SiteState,
  record: SessionRecord,
  lastSeq: number,
  options: NotifyOptions = {},
): void {
  const siteId = state.site.id;
  const agentView = sessionInfo(state, record, lastSeq);
  if (options.toVisitor !== false) {
    const open = state.sessions.get(record.id);
    if (open && record.state === 'queued') open.toldPosition = agentView.queuePosition;
    core.fanout.toVisitor(siteId, record.visitorId, { type: 'session', session: sessionInfo(state, record, lastSeq, true) });
  }
  const frame = { type: 'session', session: agentView } as const;
  core.fanout.toSessionAgents(siteId, record.agentId, frame);
  if (options.previousAgentId !== undefined && options.previousAgentId !== record.agentId) {
    core.fanout.toAgent(options.previousAgentId, frame);
  }
  markVisitor(core, state, record.visitorId);
  flushQueue(core, state);
  core.emit('session', { session: agentView, change: options.change ?? 'updated' });
}
