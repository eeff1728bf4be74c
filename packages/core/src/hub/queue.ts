/**
 * The waiting queue (S3, V5, A4): order, live positions, automatic draining
 * when capacity frees up, and the way out when nobody will come (timeout, or
 * every agent who could serve it gone): the chat becomes an offline message.
 *
 * Positions are 1-based within the whole site's queue, oldest first (a chat
 * returned from a failed transfer keeps its original place).
 */
import { bestAgent, routeSession } from './assignment.js';
import type { HubCore } from './core.js';
import { labelsOf } from './forms.js';
import { announceOffline } from './offline.js';
import { anyoneAround } from './presence.js';
import { commitSession, notifySession, openInfo } from './session-records.js';
import type { OpenSession, SiteState } from './site-state.js';

/** Puts a session in the queue at its place (by creation time) and arms its timeout. */
export function enterQueue(core: HubCore, state: SiteState, open: OpenSession): void {
  const at = state.queue.findIndex((id) => {
    const other = state.sessions.get(id);
    return other !== undefined && other.record.createdAt > open.record.createdAt;
  });
  if (at < 0) state.queue.push(open.record.id);
  else state.queue.splice(at, 0, open.record.id);
  open.queuedAt = core.clock.now();
  state.queueDirty = true;
  const timeoutSeconds = state.site.settings.queueTimeoutSeconds;
  if (timeoutSeconds > 0) {
    const sessionId = open.record.id;
    const handle = core.timers.set('queue.timeout', state.site.id, timeoutSeconds * 1000, () =>
      core.locks.run(sessionId, async () => {
        const current = state.sessions.get(sessionId);
        if (current?.record.state === 'queued' && current.queueTimer === handle) await toOffline(core, state, current);
      }),
    );
    open.queueTimer = handle;
  }
}

export function leaveQueue(core: HubCore, state: SiteState, open: OpenSession): void {
  const at = state.queue.indexOf(open.record.id);
  if (at >= 0) state.queue.splice(at, 1);
  core.timers.clear(open.queueTimer);
  open.queueTimer = undefined;
  open.queuedAt = undefined;
  open.toldPosition = undefined;
  state.queueDirty = true;
}

/** Sends the queue to the site's agents and new positions to the visitors whose place moved. */
export function flushQueue(core: HubCore, state: SiteState): void {
  if (!state.queueDirty) return;
  state.queueDirty = false;
  const siteId = state.site.id;
  const queued = state.queue.flatMap((id) => state.sessions.get(id) ?? []);
  core.fanout.toSiteAgents(siteId, { type: 'queue', sessions: queued.map((open) => openInfo(state, open)) });
  queued.forEach((open, index) => {
    if (open.toldPosition === index + 1) return;
    open.toldPosition = index + 1;
    core.fanout.toVisitor(siteId, open.record.visitorId, { type: 'session', session: openInfo(state, open, true) });
  });
}

/**
 * Gives queued chats, oldest first, to agents who can take them. Runs in the
 * background, one drain per site at a time; never awaited under a session lock.
 */
export function scheduleDrain(core: HubCore, state: SiteState): void {
  if (state.drainScheduled || state.queue.length === 0) return;
  state.drainScheduled = true;
  const siteId = state.site.id;
  core.background('queue.drain', siteId, () =>
    core.locks.run(`drain:${siteId}`, async () => {
      state.drainScheduled = false;
      for (const sessionId of [...state.queue]) {
        if (bestAgent(state, {}) === undefined) break;
        await core.locks.run(sessionId, async () => {
          const open = state.sessions.get(sessionId);
          if (open?.record.state !== 'queued') return;
          if (bestAgent(state, { groupId: open.record.groupId }) === undefined) return;
          const visitor = await core.store.getVisitor(siteId, open.record.visitorId);
          await routeSession(core, state, open.record, { preferAgentId: visitor?.lastAgentId });
        });
      }
      flushQueue(core, state);
    }),
  );
}

/** After agents left: queued chats nobody could serve any more become offline messages. */
export function scheduleAbandonCheck(core: HubCore, state: SiteState): void {
  if (state.queue.length === 0) return;
  core.background('queue.abandon', state.site.id, async () => {
    for (const sessionId of [...state.queue]) {
      const groupId = state.sessions.get(sessionId)?.record.groupId;
      if (anyoneAround(state, groupId)) continue;
      await core.locks.run(sessionId, async () => {
        const open = state.sessions.get(sessionId);
        if (open?.record.state === 'queued' && !anyoneAround(state, open.record.groupId)) await toOffline(core, state, open);
      });
    }
  });
}

/** Turns a queued chat into an offline message with its form's fields. Call under the session's lock. */
export async function toOffline(core: HubCore, state: SiteState, open: OpenSession): Promise<void> {
  const now = core.clock.now();
  const next = { ...open.record, state: 'offline', endedAt: now, endedBy: 'system' } as const;
  const lastSeq = open.lastSeq;
  await commitSession(core, state, next);
  const offlineMessage = {
    id: core.ids('offline'),
    siteId: state.site.id,
    visitorId: next.visitorId,
    fields: next.fields,
    labels: labelsOf(state.site.settings.preChatFields, next.fields),
    createdAt: now,
    replied: false,
  };
  await core.store.saveOfflineMessage(offlineMessage);
  notifySession(core, state, next, lastSeq);
  announceOffline(core, state, offlineMessage);
}

/** A freshly loaded site: its stored queued chats wait again (their timeout restarts). */
export function restoreQueue(core: HubCore, state: SiteState): void {
  const queued = [...state.sessions.values()]
    .filter((open) => open.record.state === 'queued')
    .sort((a, b) => a.record.createdAt - b.record.createdAt);
  for (const open of queued) enterQueue(core, state, open);
}
