/** Who can take a transferred chat (A8): colleagues and groups, with their availability as routing sees it. */
import type { AgentClient, AgentInfo, GroupInfo } from '@parley/core';

export interface AgentChoice {
  readonly agent: AgentInfo;
  /** Online with a free slot: the hub would give them the offer. */
  readonly available: boolean;
}

export interface GroupChoice {
  readonly group: GroupInfo;
  /** Colleagues of the group who are available now. */
  readonly available: number;
  readonly members: number;
}

export interface TransferChoices {
  readonly agents: readonly AgentChoice[];
  readonly groups: readonly GroupChoice[];
  /** Whether anyone at all can take the chat now. */
  readonly possible: boolean;
}

/** Online with room for one more chat (an offer also holds a slot the client cannot see; the hub decides). */
export const isAvailable = (agent: AgentInfo): boolean => agent.status === 'online' && agent.load < agent.capacity;

export function transferChoices(client: Pick<AgentClient, 'agents' | 'groups' | 'agent'>): TransferChoices {
  const me = client.agent?.id;
  const colleagues = [...client.agents.values()].filter((a) => a.id !== me);
  const agents = colleagues
    .map((agent) => ({ agent, available: isAvailable(agent) }))
    .sort((a, b) => Number(b.available) - Number(a.available) || a.agent.name.localeCompare(b.agent.name));
  const groups = client.groups.map((group) => {
    const members = colleagues.filter((a) => a.groups.includes(group.id));
    return { group, members: members.length, available: members.filter(isAvailable).length };
  });
  return { agents, groups, possible: agents.some((a) => a.available) };
}

/** Whole seconds left until `expiresAt` (never negative). */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}
