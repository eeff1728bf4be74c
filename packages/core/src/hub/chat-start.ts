/**
 * Starting a chat (flow 1), for a chat request or an accepted invitation:
 * one open session per visitor; given at once to an agent who can take it,
 * otherwise queued; refused when nobody is there at all.
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import { assignSession, routeSession } from './assignment.js';
import { fail } from './command.js';
import type { HubCore } from './core.js';
import { availabilityOf } from './presence.js';
import { scheduleDrain } from './queue.js';
import type { SessionRecord } from './records.js';
import { commitSession, notifySession } from './session-records.js';
import type { SiteState } from './site-state.js';

/** Serialises session creation per visitor, so two tabs asking at once get one chat. */
export const visitorSessionLock = (siteId: string, visitorId: string) => `visitor:${siteId}:${visitorId}`;

export interface ChatSpec {
  readonly fields: Readonly<Record<string, string>>;
  readonly groupId?: string;
  /** Give it to this agent if connected (the agent who invited the visitor). */
  readonly agentId?: string;
}

/**
 * Returns the visitor's open session if it has one (asking twice is not an
 * error), else a new session, active or queued. Throws `no_agent_available`
 * when no agent who could serve it is online or busy.
 */
export function startChat(core: HubCore, state: SiteState, visitorId: string, spec: ChatSpec): Promise<SessionRecord> {
  const siteId = state.site.id;
  return core.locks.run(visitorSessionLock(siteId, visitorId), async () => {
    const existing = state.sessions.get(state.openByVisitor.get(visitorId) ?? '');
    if (existing) return existing.record;
    const record: SessionRecord = {
      id: core.ids('session'),
      siteId,
      visitorId,
      state: 'queued',
      groupId: spec.groupId,
      fields: spec.fields,
      createdAt: core.clock.now(),
      readSeq: { visitor: 0, agent: 0 },
      autoReplies: 0,
    };
    return core.locks.run(record.id, async () => {
      if (spec.agentId !== undefined && state.presence.has(spec.agentId)) {
        return assignSession(core, state, record, spec.agentId, { welcome: true, change: 'created' });
      }
      if (availabilityOf(state, spec.groupId) === 'offline') {
        fail(ERROR_CODES.noAgentAvailable, 'No agent is available; leave a message instead.');
      }
      const visitor = await core.store.getVisitor(siteId, visitorId);
      const assigned = await routeSession(core, state, record, { preferAgentId: visitor?.lastAgentId, change: 'created' });
      if (assigned) return assigned;
      await commitSession(core, state, record);
      notifySession(core, state, record, 0, { change: 'created' });
      // Capacity may have freed while this chat was not yet in the queue.
      scheduleDrain(core, state);
      return record;
    });
  });
}
