/**
 * Automatic assignment (S3) as a pure ranking: given the agents and what the
 * hub knows of them, which agents may take a chat, best first. No I/O, no
 * clock: the caller gathers the numbers, so this is easy to test and the
 * decision is made synchronously (no other chat can take the same free slot
 * in between).
 */
import type { AgentStatus } from '../protocol/model.js';

/** An agent as routing sees it. */
export interface RoutingCandidate {
  readonly agentId: string;
  /** `offline` when not connected. */
  readonly status: AgentStatus | 'offline';
  readonly groups: readonly string[];
  readonly capacity: number;
  /** Chats served now (active or being transferred away). */
  readonly load: number;
  /** Slots promised but not yet taken (transfer offers waiting for this agent's answer). */
  readonly reserved: number;
  /** Chats accepted since the start of the day (sales mode); 0 when unknown. */
  readonly acceptedToday: number;
}

export interface RoutingRequest {
  /** `service`: fewest concurrent chats first; `sales`: fewest chats accepted today first. */
  readonly mode: 'service' | 'sales';
  /** Only members of this group. */
  readonly groupId?: string;
  /** Put this agent first when it can take the chat (the visitor's previous agent). */
  readonly preferAgentId?: string;
  /** Never this agent (the one transferring the chat away). */
  readonly excludeAgentId?: string;
}

/**
 * Whether an agent can be given a chat now: connected with status `online`
 * (not busy, away or invisible) and below its capacity.
 */
export function hasFreeSlot(candidate: RoutingCandidate): boolean {
  return candidate.status === 'online' && candidate.load + candidate.reserved < candidate.capacity;
}

/**
 * The agents who may take the chat, best first. Ties keep the candidates'
 * order (the site's agent list, oldest first), so the result is deterministic.
 */
export function rankAgents(candidates: readonly RoutingCandidate[], request: RoutingRequest): string[] {
  const eligible = candidates
    .map((candidate, index) => ({ candidate, index }))
    .filter(
      ({ candidate }) =>
        hasFreeSlot(candidate) &&
        candidate.agentId !== request.excludeAgentId &&
        (request.groupId === undefined || candidate.groups.includes(request.groupId)),
    );
  const busyness = (c: RoutingCandidate) => c.load + c.reserved;
  eligible.sort((a, b) => {
    const preferred = Number(b.candidate.agentId === request.preferAgentId) - Number(a.candidate.agentId === request.preferAgentId);
    if (preferred !== 0) return preferred;
    if (request.mode === 'sales') {
      const today = a.candidate.acceptedToday - b.candidate.acceptedToday;
      if (today !== 0) return today;
    }
    const load = busyness(a.candidate) - busyness(b.candidate);
    if (load !== 0) return load;
    return a.index - b.index;
  });
  return eligible.map(({ candidate }) => candidate.agentId);
}

/** Milliseconds of the start of `now`'s day in UTC (sales mode counts from there). */
export function startOfUtcDay(now: number): number {
  return Math.floor(now / 86_400_000) * 86_400_000;
}
