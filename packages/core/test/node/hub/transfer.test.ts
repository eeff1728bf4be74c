import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';
import { startChat } from './support/chat.js';

test('transfer to an agent: the receiver gets the history, accepts, the visitor is told', async () => {
  const env = await createEnv();
  const { visitor, agent: ada, session } = await startChat(env);
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'I need billing' });
  const { peer: bo } = await env.agent('agt_bo');
  const { transfer } = await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo', note: 'billing question' });
  assert.deepEqual([transfer.fromAgentId, transfer.toAgentId, transfer.note, transfer.session.state], ['agt_ada', 'agt_bo', 'billing question', 'transferring']);
  assert.deepEqual(transfer.history.map((m) => m.text), ['Welcome!', 'I need billing']);
  const offered = await bo.next('transfer.offer');
  assert.deepEqual(offered.transfer, transfer);
  assert.equal((await visitor.next('session', (f) => f.session.state === 'transferring')).session.agentId, 'agt_ada');
  const { session: taken } = await bo.ok('transfer.answer', { transferId: transfer.id, accept: true });
  assert.deepEqual([taken.state, taken.agentId], ['active', 'agt_bo']);
  const told = await visitor.next('session', (f) => f.session.state === 'active');
  assert.deepEqual([told.session.agentId, told.session.agentName], ['agt_bo', 'Bo']);
  const note = await visitor.next('message', (f) => f.message.author.kind === 'system');
  assert.equal(note.message.text, 'Ada transferred the chat to Bo.');
  const closed = { type: 'transfer.closed', transferId: transfer.id, sessionId: session.id, outcome: 'accepted', toAgentId: 'agt_bo' };
  assert.deepEqual(await ada.next('transfer.closed'), closed);
  assert.deepEqual(await bo.next('transfer.closed'), closed);
  // Ada is told she no longer serves it, and can no longer write in it.
  assert.equal((await ada.next('session', (f) => f.session.agentId === 'agt_bo')).session.state, 'active');
  await ada.fails('message.send', { sessionId: session.id, clientId: 'late', text: 'hi' }, 'forbidden');
  await bo.ok('message.send', { sessionId: session.id, clientId: 'b1', text: 'Bo here' });
  assert.equal((await visitor.next('message', (f) => f.message.clientId === 'b1')).message.author.id, 'agt_bo');
  assert.equal((await env.store.getVisitor('site_a', 'vis_1'))?.lastAgentId, 'agt_bo');
  await env.close();
});

test('transfer to a group: the hub picks its best available member other than the sender', async () => {
  const env = await createEnv();
  const { peer: sue } = await env.agent('agt_sue');
  const { agent: ada, session } = await startChat(env);
  const { transfer } = await ada.ok('transfer.offer', { sessionId: session.id, toGroupId: 'grp_sales' });
  assert.deepEqual([transfer.toAgentId, transfer.toGroupId], ['agt_sue', 'grp_sales']);
  await sue.next('transfer.offer');
  await env.close();
});

test('nobody else can take it: transfer_unavailable and nothing changes', async () => {
  const env = await createEnv({ agents: { agt_bo: { capacity: 1 } } });
  const { visitor, agent: ada, session } = await startChat(env);
  await ada.fails('transfer.offer', { sessionId: session.id, toGroupId: 'grp_sales' }, 'transfer_unavailable');
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_ada' }, 'transfer_unavailable');
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' }, 'transfer_unavailable');
  const { peer: bo } = await env.agent('agt_bo');
  await bo.ok('presence.set', { status: 'away' });
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' }, 'transfer_unavailable');
  await bo.ok('presence.set', { status: 'online' });
  // Bo fills his only slot.
  await startChat(env, 'agt_bo', bo);
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' }, 'transfer_unavailable');
  assert.equal((await env.store.getSession(session.id))?.state, 'active');
  await visitor.none('session');
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_nobody' }, 'not_found');
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_zed' }, 'not_found');
  await ada.fails('transfer.offer', { sessionId: session.id, toGroupId: 'grp_b' }, 'not_found');
  await ada.fails('transfer.offer', { sessionId: 'ses_nope', toAgentId: 'agt_bo' }, 'not_found');
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo', toGroupId: 'grp_sales' }, 'bad_frame');
  await env.close();
});

test('only the serving agent transfers, and only an active chat', async () => {
  const env = await createEnv();
  const { agent: ada, session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  await bo.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_ada' }, 'forbidden');
  const { peer: sue } = await env.agent('agt_sue');
  await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' });
  await ada.fails('transfer.offer', { sessionId: session.id, toAgentId: 'agt_sue' }, 'invalid_state');
  await sue.fails('transfer.answer', { transferId: 'trf_1', accept: true }, 'forbidden');
  await sue.fails('transfer.answer', { transferId: 'trf_nope', accept: true }, 'not_found');
  await env.close();
});

test('declined: back to the offering agent, both told, the chat active again', async () => {
  const env = await createEnv();
  const { visitor, agent: ada, session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  const { transfer } = await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' });
  const { session: back } = await bo.ok('transfer.answer', { transferId: transfer.id, accept: false });
  assert.deepEqual([back.state, back.agentId], ['active', 'agt_ada']);
  assert.equal((await ada.next('transfer.closed')).outcome, 'declined');
  assert.equal((await bo.next('transfer.closed')).outcome, 'declined');
  assert.equal((await visitor.next('session', (f) => f.session.state === 'active')).session.agentId, 'agt_ada');
  await bo.fails('transfer.answer', { transferId: transfer.id, accept: true }, 'not_found');
  await ada.ok('message.send', { sessionId: session.id, clientId: 'a1', text: 'still me' });
  await env.close();
});

test('timeout: back to the offering agent after transferTimeoutSeconds', async () => {
  const env = await createEnv({ settings: { transferTimeoutSeconds: 45 } });
  const { agent: ada, session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  const { transfer } = await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' });
  assert.equal(transfer.expiresAt, env.clock.now() + 45_000);
  await env.advance(44_000);
  await ada.none('transfer.closed');
  await env.advance(1_000);
  assert.equal((await ada.next('transfer.closed')).outcome, 'timeout');
  assert.equal((await bo.next('transfer.closed')).outcome, 'timeout');
  assert.deepEqual([(await env.store.getSession(session.id))?.state, (await env.store.getSession(session.id))?.agentId], ['active', 'agt_ada']);
  await env.close();
});

test('the offering agent disconnects: the offer stays; declined, the chat goes to the queue (never dropped)', async () => {
  const env = await createEnv();
  const { visitor, agent: ada, session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  const { transfer } = await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' });
  await bo.next('transfer.offer');
  await bo.ok('presence.set', { status: 'busy' });
  ada.close();
  await settle();
  const { welcome } = await env.agent('agt_bo');
  assert.deepEqual(welcome.transfers.map((t) => t.id), [transfer.id]);
  const { session: queued } = await bo.ok('transfer.answer', { transferId: transfer.id, accept: false });
  assert.deepEqual([queued.state, queued.agentId, queued.queuePosition], ['queued', undefined, 1]);
  assert.equal((await visitor.next('session', (f) => f.session.state === 'queued')).session.queuePosition, 1);
  await bo.ok('presence.set', { status: 'online' });
  assert.equal((await visitor.next('session', (f) => f.session.state === 'active')).session.agentId, 'agt_bo');
  await env.close();
});

test('the receiving agent disconnects: the offer counts as declined', async () => {
  const env = await createEnv();
  const { agent: ada, session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' });
  bo.drop();
  assert.equal((await ada.next('transfer.closed')).outcome, 'declined');
  assert.equal((await env.store.getSession(session.id))?.state, 'active');
  await env.close();
});

test('a pending offer holds a slot; ending the chat cancels the offer', async () => {
  const env = await createEnv({ agents: { agt_ada: { capacity: 3 }, agt_bo: { capacity: 1 } } });
  const { visitor, agent: ada, session } = await startChat(env);
  await startChat(env, 'agt_ada', ada);
  const { peer: bo } = await env.agent('agt_bo');
  await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' });
  // Bo's only slot is promised: a new chat goes to Ada, busier as she is.
  const { peer: other } = await env.visitor();
  assert.equal((await other.ok('chat.request', { fields: {} })).session.agentId, 'agt_ada');
  await visitor.ok('session.end', { sessionId: session.id });
  assert.equal((await ada.next('transfer.closed')).outcome, 'cancelled');
  assert.equal((await bo.next('transfer.closed')).outcome, 'cancelled');
  await bo.fails('transfer.answer', { transferId: 'trf_1', accept: true }, 'not_found');
  await env.close();
});

test('an answer racing the timeout: exactly one outcome', async () => {
  const env = await createEnv({ settings: { transferTimeoutSeconds: 10 } });
  const { agent: ada, session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  const { transfer } = await ada.ok('transfer.offer', { sessionId: session.id, toAgentId: 'agt_bo' });
  await env.clock.advance(9_999);
  bo.send({ type: 'transfer.answer', ref: 'ans', transferId: transfer.id, accept: true });
  await env.clock.advance(1);
  await settle();
  const outcomes = (await ada.take('transfer.closed')).map((f) => f.outcome);
  assert.equal(outcomes.length, 1);
  const stored = await env.store.getSession(session.id);
  assert.equal(stored?.agentId, outcomes[0] === 'accepted' ? 'agt_bo' : 'agt_ada');
  assert.equal(stored?.state, 'active');
  await env.close();
});
