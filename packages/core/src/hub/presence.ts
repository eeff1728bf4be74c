/**
 * Agents' presence and load (A2), and what visitors' launchers show.
 *
 * Availability rules, per site (or per group for a chat request):
 * - `online`: some agent is connected with status `online` and below capacity;
 * - `busy`: agents are connected as `online` or `busy`, but none can take a chat now
 *   (a new chat waits in the queue);
 * - `offline`: nobody is `online` or `busy` (no one connected, or only `away` /
 *   `invisible` agents): the widget offers to leave a message.
 */
import type { AgentInfo, AgentStatus, Availability } from '../protocol/model.js';
import type { HubCore } from './core.js';
import type { AgentRecord } from './records.js';
import { hasFreeSlot, type RoutingCandidate } from './routing.js';
import type { SiteState } from './site-state.js';

/** The agent's real status: `offline` when it has no connection. */
export function statusOf(state: SiteState, agentId: string): AgentStatus | 'offline' {
  return state.presence.get(agentId)?.status ?? 'offline';
}

/** Chats the agent serves now (active, or being transferred away). */
export function loadOf(state: SiteState, agentId: string): number {
  let load = 0;
  for (const open of state.sessions.values()) {
    if (open.record.agentId === agentId && open.record.state !== 'queued') load++;
  }
  return load;
}

/** Slots promised to transfer offers waiting for this agent. */
export function reservedOf(state: SiteState, agentId: string): number {
  let reserved = 0;
  for (const pending of state.transfers.values()) if (pending.offer.toAgentId === agentId) reserved++;
  return reserved;
}

/** Every enabled agent of the site as routing sees it, in the site's order. */
export function routingCandidates(state: SiteState, acceptedToday?: ReadonlyMap<string, number>): RoutingCandidate[] {
  return [...state.agents.values()]
    .filter((agent) => !agent.disabled)
    .map((agent) => ({
      agentId: agent.id,
      status: statusOf(state, agent.id),
      groups: agent.groups,
      capacity: agent.capacity,
      load: loadOf(state, agent.id),
      reserved: reservedOf(state, agent.id),
      acceptedToday: acceptedToday?.get(agent.id) ?? 0,
    }));
}

/** The agent as colleagues see it; `self` shows an invisible agent its real status. */
export function agentInfo(state: SiteState, agent: AgentRecord, self = false): AgentInfo {
  const status = statusOf(state, agent.id);
  return {
    id: agent.id,
    siteId: agent.siteId,
    name: agent.name,
    role: agent.role,
    groups: agent.groups,
    status: status === 'invisible' && !self ? 'offline' : status,
    capacity: agent.capacity,
    load: loadOf(state, agent.id),
  };
}

/** Availability of the site, or of one group's agents. */
export function availabilityOf(state: SiteState, groupId?: string): Availability {
  let present = false;
  for (const candidate of routingCandidates(state)) {
    if (groupId !== undefined && !candidate.groups.includes(groupId)) continue;
    if (hasFreeSlot(candidate)) return 'online';
    if (candidate.status === 'online' || candidate.status === 'busy') present = true;
  }
  return present ? 'busy' : 'offline';
}

/**
 * Whether anyone could still serve a queued chat of this group: connected and
 * not invisible (an `away` agent may come back; a queued chat waits for it).
 */
export function anyoneAround(state: SiteState, groupId?: string): boolean {
  for (const [agentId, presence] of state.presence) {
    const agent = state.agents.get(agentId);
    if (!agent || agent.disabled || presence.status === 'invisible') continue;
    if (groupId === undefined || agent.groups.includes(groupId)) return true;
  }
  return false;
}

/** Tells the site's agents about one colleague's presence or load. */
export function publishAgent(core: HubCore, state: SiteState, agentId: string | undefined): void {
  const agent = agentId === undefined ? undefined : state.agents.get(agentId);
  if (!agent) return;
  core.fanout.toSiteAgents(state.site.id, { type: 'agents', added: [], updated: [agentInfo(state, agent)], removed: [] });
}

/** Recomputes the site's availability and tells its visitors when it changed. */
export function refreshAvailability(core: HubCore, state: SiteState): void {
  const next = availabilityOf(state);
  if (next === state.availability) return;
  state.availability = next;
  core.fanout.toSiteVisitors(state.site.id, { type: 'availability', status: next });
}

/** After a session's agent or state changed: colleagues see the new load, visitors the new availability. */
export function loadChanged(core: HubCore, state: SiteState, ...agentIds: (string | undefined)[]): void {
  for (const agentId of new Set(agentIds)) publishAgent(core, state, agentId);
  refreshAvailability(core, state);
}
