/** A visitor chatting with an agent, the usual starting point. */
import assert from 'node:assert/strict';
import type { SessionInfo } from '../../../../src/protocol/model.js';
import type { TestEnv } from './env.js';
import type { TestPeer } from './peer.js';

export interface Chat {
  readonly visitor: TestPeer;
  readonly agent: TestPeer;
  readonly session: SessionInfo;
  readonly visitorId: string;
  readonly token: string;
}

/** Connects `agentId` (unless `agent` is given), a new visitor, and starts a chat routed to that agent. */
export async function startChat(env: TestEnv, agentId = 'agt_ada', agent?: TestPeer): Promise<Chat> {
  const agentPeer = agent ?? (await env.agent(agentId)).peer;
  const { peer: visitor, welcome } = await env.visitor();
  const { session } = await visitor.ok('chat.request', { fields: {} });
  assert.equal(session.agentId, agentId);
  await agentPeer.next('message', (f) => f.message.sessionId === session.id);
  await visitor.next('message', (f) => f.message.sessionId === session.id);
  visitor.clear();
  agentPeer.clear();
  return { visitor, agent: agentPeer, session, visitorId: welcome.visitorId, token: welcome.token };
}
