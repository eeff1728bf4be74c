/** Ending a session, by either side or by the hub. Internal. */
import type { HubCore } from './core.js';
import { closeInvitesOfSession } from './invites.js';
import { loadChanged } from './presence.js';
import { scheduleDrain } from './queue.js';
import type { SessionRecord } from './records.js';
import { commitSession, notifySession } from './session-records.js';
import type { SiteState } from './site-state.js';
import { cancelTransfer } from './transfer.js';

/**
 * Ends an open session: a pending transfer is cancelled, the agent's load
 * drops (the next queued chat may take the slot). Returns undefined when the
 * session was not open (any more).
 */
export function endSession(
  core: HubCore,
  state: SiteState,
  sessionId: string,
  by: 'visitor' | 'agent' | 'system',
  /** Checked under the lock against the current record; throws to refuse. */
  guard?: (record: SessionRecord) => void,
): Promise<SessionRecord | undefined> {
  return core.locks.run(sessionId, async () => {
    const open = state.sessions.get(sessionId);
    if (!open) return undefined;
    guard?.(open.record);
    cancelTransfer(core, state, open);
    const before = open.record;
    const next: SessionRecord = { ...before, state: 'ended', endedAt: core.clock.now(), endedBy: by };
    const lastSeq = open.lastSeq;
    await commitSession(core, state, next);
    notifySession(core, state, next, lastSeq);
    closeInvitesOfSession(core, state, sessionId, by === 'visitor' ? 'declined' : 'expired');
    loadChanged(core, state, before.agentId);
    scheduleDrain(core, state);
    return next;
  });
}
