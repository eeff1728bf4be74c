import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';

test('when every agent is full the chat queues with a live position; freed capacity takes the oldest', async () => {
  const env = await createEnv({ agents: { agt_ada: { capacity: 1 } } });
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: v1 } = await env.visitor();
  const { session: s1 } = await v1.ok('chat.request', { fields: {} });
  assert.equal(s1.state, 'active');
  const { peer: v2 } = await env.visitor();
  const { session: s2 } = await v2.ok('chat.request', { fields: {} });
  assert.deepEqual([s2.state, s2.queuePosition], ['queued', 1]);
  const { peer: v3 } = await env.visitor();
  const { session: s3 } = await v3.ok('chat.request', { fields: {} });
  assert.deepEqual([s3.state, s3.queuePosition], ['queued', 2]);
  const queue = await ada.next('queue', (f) => f.sessions.length === 2);
  assert.deepEqual(queue.sessions.map((s) => [s.id, s.queuePosition]), [[s2.id, 1], [s3.id, 2]]);
  // Ada's chat ends: the oldest queued one is hers now, and the next moves up.
  ada.clear('queue');
  await v1.ok('session.end', { sessionId: s1.id });
  const assigned = await v2.next('session', (f) => f.session.state === 'active');
  assert.equal(assigned.session.agentId, 'agt_ada');
  assert.equal((await v2.next('message')).message.text, 'Welcome!');
  assert.equal((await v3.next('session', (f) => f.session.queuePosition === 1)).session.state, 'queued');
  assert.deepEqual((await ada.next('queue', (f) => f.sessions.length === 1)).sessions[0]?.id, s3.id);
  // Visitors see their own session only.
  await v3.none('message');
  await env.close();
});

test('busy agents: availability busy, chats queue; going online drains the queue', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: visitor, welcome } = await env.visitor();
  assert.equal(welcome.availability, 'online');
  await ada.ok('presence.set', { status: 'busy' });
  assert.equal((await visitor.next('availability')).status, 'busy');
  const { session } = await visitor.ok('chat.request', { fields: {} });
  assert.equal(session.state, 'queued');
  await ada.ok('presence.set', { status: 'online' });
  assert.equal((await visitor.next('session', (f) => f.session.state === 'active')).session.agentId, 'agt_ada');
  await env.close();
});

test('an agent accepts a queued chat; two accepting at once: one wins, the other gets invalid_state', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: bo } = await env.agent('agt_bo');
  await ada.ok('presence.set', { status: 'busy' });
  await bo.ok('presence.set', { status: 'busy' });
  const { peer: visitor } = await env.visitor();
  const { session } = await visitor.ok('chat.request', { fields: {} });
  assert.equal(session.state, 'queued');
  ada.send({ type: 'session.accept', ref: 'a', sessionId: session.id });
  bo.send({ type: 'session.accept', ref: 'b', sessionId: session.id });
  const answers = [await ada.next((f): f is never => (f.type === 'ack' || f.type === 'error') && f.ref === 'a'), await bo.next((f): f is never => (f.type === 'ack' || f.type === 'error') && f.ref === 'b')] as { type: string; code?: string }[];
  assert.deepEqual(answers.map((a) => a.type).sort(), ['ack', 'error']);
  assert.equal(answers.find((a) => a.type === 'error')?.code, 'invalid_state');
  const stored = await env.store.getSession(session.id);
  assert.equal(stored?.state, 'active');
  assert.equal((await visitor.next('session', (f) => f.session.state === 'active')).session.agentId, stored?.agentId);
  // Exactly one welcome message.
  await settle();
  assert.equal((await env.store.listMessages(session.id)).length, 1);
  await ada.fails('session.accept', { sessionId: 'ses_nope' }, 'not_found');
  await env.close();
});

test('a queued chat waiting past queueTimeoutSeconds becomes an offline message', async () => {
  const env = await createEnv({
    settings: { queueTimeoutSeconds: 120, preChatFields: [{ name: 'email', label: 'Your e-mail', kind: 'email', required: false }] },
  });
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('presence.set', { status: 'busy' });
  const { peer: visitor, welcome } = await env.visitor();
  const { session } = await visitor.ok('chat.request', { fields: { email: 'v@x.io' } });
  await env.advance(119_000);
  assert.equal((await env.store.getSession(session.id))?.state, 'queued');
  await env.advance(1_000);
  assert.equal((await visitor.next('session', (f) => f.session.state === 'offline')).session.id, session.id);
  const left = await ada.next('offline.message');
  const { visitorId, fields, labels } = left.offlineMessage;
  assert.deepEqual([visitorId, fields, labels], [welcome.visitorId, { email: 'v@x.io' }, { email: 'Your e-mail' }]);
  assert.equal(env.events.offline.length, 1);
  assert.deepEqual((await ada.next('queue', (f) => f.sessions.length === 0)).sessions, []);
  const stored = await env.store.getSession(session.id);
  assert.deepEqual([stored?.state, stored?.endedBy], ['offline', 'system']);
  await env.close();
});

test('queued chats whose agents all go offline become offline messages; others keep waiting', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  const { peer: bo } = await env.agent('agt_bo');
  await ada.ok('presence.set', { status: 'busy' });
  await bo.ok('presence.set', { status: 'busy' });
  const { peer: v1 } = await env.visitor();
  const { session: sales } = await v1.ok('chat.request', { fields: {}, groupId: 'grp_sales' });
  const { peer: v2 } = await env.visitor();
  const { session: any } = await v2.ok('chat.request', { fields: {} });
  ada.close();
  assert.equal((await v1.next('session', (f) => f.session.state === 'offline')).session.id, sales.id);
  await settle();
  assert.equal((await env.store.getSession(any.id))?.state, 'queued');
  bo.close();
  assert.equal((await v2.next('session', (f) => f.session.state === 'offline')).session.id, any.id);
  assert.equal((await env.store.listOfflineMessages('site_a')).length, 2);
  await env.close();
});

test('an away agent keeps queued chats waiting (it may come back)', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('presence.set', { status: 'busy' });
  const { peer: visitor } = await env.visitor();
  const { session } = await visitor.ok('chat.request', { fields: {} });
  await ada.ok('presence.set', { status: 'away' });
  await settle();
  assert.equal((await env.store.getSession(session.id))?.state, 'queued');
  await ada.ok('presence.set', { status: 'online' });
  assert.equal((await visitor.next('session', (f) => f.session.state === 'active')).session.agentId, 'agt_ada');
  await env.close();
});

test('an agent signing in gets the queue in its welcome', async () => {
  const env = await createEnv();
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('presence.set', { status: 'busy' });
  const { peer: visitor } = await env.visitor();
  const { session } = await visitor.ok('chat.request', { fields: {} });
  const { welcome } = await env.agent('agt_bo');
  // Bo's arrival drains the queue right after its welcome, which still lists the chat as queued.
  assert.deepEqual(welcome.queue.map((s) => [s.id, s.queuePosition]), [[session.id, 1]]);
  assert.equal((await visitor.next('session', (f) => f.session.state === 'active')).session.agentId, 'agt_bo');
  await env.close();
});
