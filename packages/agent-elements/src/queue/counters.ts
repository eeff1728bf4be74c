import type { AgentClient } from '@parley/core';

export interface ConversationCounters {
  /** Visitor and system messages the agent has not read, over the chats they serve. */
  readonly unread: number;
  /** Chats the agent served that ended without their evaluation (when the agent may evaluate). */
  readonly toEvaluate: number;
}

/** The agent's counters (A4). */
export function conversationCounters(client: Pick<AgentClient, 'sessions' | 'unreadCount' | 'permissions' | 'agent'>): ConversationCounters {
  let unread = 0;
  let toEvaluate = 0;
  const mayEvaluate = client.permissions.includes('evaluate');
  for (const session of client.sessions) {
    unread += client.unreadCount(session.id);
    if (mayEvaluate && session.state === 'ended' && session.evaluation === undefined && session.agentId === client.agent?.id) toEvaluate++;
  }
  return { unread, toEvaluate };
}
