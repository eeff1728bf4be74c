/**
 * Giving a chat to an agent: routing it (S3) and assigning it. The pick and
 * the write to the cache happen in one synchronous step, so two chats routed
 * at once cannot both take an agent's last free slot.
 */
import type { HubCore } from './core.js';
import { appendSystemMessage } from './messages.js';
import { loadChanged, routingCandidates } from './presence.js';
import type { SessionRecord } from './records.js';
import { rankAgents, type RoutingRequest, startOfUtcDay } from './routing.js';
import { commitSession, lastSeqOf, notifySession } from './session-records.js';
import type { SiteState } from './site-state.js';
import { updateVisitorRecord } from './visitor-record.js';

/** The best agent who can take a chat now, if any (synchronous). */
export function bestAgent(
  state: SiteState,
  request: Omit<RoutingRequest, 'mode'>,
  acceptedToday?: ReadonlyMap<string, number>,
): string | undefined {
  return rankAgents(routingCandidates(state, acceptedToday), { ...request, mode: state.site.settings.routing })[0];
}

/** Sales mode: chats each agent who could take one accepted since the start of today (UTC). */
async function acceptedToday(core: HubCore, state: SiteState): Promise<Map<string, number> | undefined> {
  if (state.site.settings.routing !== 'sales') return undefined;
  const since = startOfUtcDay(core.clock.now());
  const ids = rankAgents(routingCandidates(state), { mode: 'service' });
  const counts = await Promise.all(ids.map((id) => core.store.countAcceptedSince(state.site.id, id, since)));
  return new Map(ids.map((id, i) => [id, counts[i] ?? 0]));
}

export interface RouteOptions {
  /** The visitor's previous agent, preferred when it can take the chat. */
  readonly preferAgentId?: string;
  readonly change?: 'created' | 'updated';
}

/**
 * Gives the chat to the best agent who can take it now. Returns the assigned
 * record, or undefined (nothing changed) when nobody can.
 */
export async function routeSession(
  core: HubCore,
  state: SiteState,
  record: SessionRecord,
  options: RouteOptions = {},
): Promise<SessionRecord | undefined> {
  const counts = await acceptedToday(core, state);
  // From here to the cache write in assignSession nothing awaits.
  const agentId = bestAgent(state, { groupId: record.groupId, preferAgentId: options.preferAgentId }, counts);
  if (agentId === undefined) return undefined;
  return assignSession(core, state, record, agentId, { welcome: true, change: options.change });
}

export interface AssignOptions {
  /** Send the site's welcome message (A9). */
  readonly welcome: boolean;
  readonly change?: 'created' | 'updated';
  /** A system message to add (e.g. the transfer note). */
  readonly note?: string;
}

/** Makes `agentId` serve the session (state active). Call under the session's lock. */
export async function assignSession(
  core: HubCore,
  state: SiteState,
  record: SessionRecord,
  agentId: string,
  options: AssignOptions,
): Promise<SessionRecord> {
  const now = core.clock.now();
  const next: SessionRecord = { ...record, state: 'active', agentId, acceptedAt: record.acceptedAt ?? now };
  await commitSession(core, state, next);
  notifySession(core, state, next, await lastSeqOf(core, state, next.id), {
    previousAgentId: record.agentId,
    change: options.change,
  });
  loadChanged(core, state, agentId, record.agentId);
  core.background('visitor.lastAgent', state.site.id, async () => {
    await updateVisitorRecord(core, state.site.id, next.visitorId, (visitor) => visitor && { ...visitor, lastAgentId: agentId });
  });
  const text = options.note ?? (options.welcome ? state.site.settings.welcomeMessage : undefined);
  if (text) await appendSystemMessage(core, state, next, text);
  return next;
}
