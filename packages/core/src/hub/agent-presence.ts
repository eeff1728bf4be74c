/**
 * Agents coming, going and changing status (A2). An agent's first connection
 * makes it `online`; further tabs keep its status; its last connection
 * closing makes it `offline`, declines the transfer offers waiting for it,
 * and turns queued chats nobody else could serve into offline messages.
 * Chats it serves stay assigned (it will most likely reconnect and resume).
 */
import { ERROR_CODES } from '../protocol/error-codes.js';
import type { PresenceSetFrame } from '../protocol/client-frames.js';
import { type AgentCtx, can, fail } from './command.js';
import type { HubCore } from './core.js';
import { PERMISSIONS } from './permissions.js';
import { publishAgent, refreshAvailability } from './presence.js';
import { scheduleAbandonCheck, scheduleDrain } from './queue.js';
import type { SiteState } from './site-state.js';
import { declineTransfersTo } from './transfer.js';

export function agentConnected(core: HubCore, state: SiteState, agentId: string): void {
  const presence = state.presence.get(agentId);
  if (presence) {
    presence.connections++;
    return;
  }
  state.presence.set(agentId, { status: 'online', connections: 1 });
  publishAgent(core, state, agentId);
  refreshAvailability(core, state);
  scheduleDrain(core, state);
}

export function agentDisconnected(core: HubCore, state: SiteState, agentId: string): void {
  const presence = state.presence.get(agentId);
  if (!presence) return;
  presence.connections--;
  if (presence.connections > 0) return;
  state.presence.delete(agentId);
  publishAgent(core, state, agentId);
  refreshAvailability(core, state);
  declineTransfersTo(core, state, agentId);
  scheduleAbandonCheck(core, state);
}

export async function setPresence(ctx: AgentCtx, frame: PresenceSetFrame): Promise<Record<string, never>> {
  const { core, state, actor } = ctx;
  if (frame.status === 'invisible' && !can(ctx, PERMISSIONS.invisible)) {
    fail(ERROR_CODES.forbidden, 'Only admins may be invisible.');
  }
  const presence = state.presence.get(actor.agentId);
  if (!presence || presence.status === frame.status) return {};
  presence.status = frame.status;
  publishAgent(core, state, actor.agentId);
  refreshAvailability(core, state);
  if (frame.status === 'online') scheduleDrain(core, state);
  if (frame.status === 'invisible') scheduleAbandonCheck(core, state);
  return {};
}
