import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { startChat } from './support/chat.js';

test('the visitor ends the chat: ended by visitor, both told, the agent\'s load drops', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  const { session: ended } = await visitor.ok('session.end', { sessionId: session.id });
  assert.deepEqual([ended.state, ended.endedAt], ['ended', env.clock.now()]);
  assert.equal((await agent.next('session', (f) => f.session.id === session.id)).session.state, 'ended');
  assert.equal((await visitor.next('session')).session.state, 'ended');
  assert.ok(await agent.next('agents', (f) => f.updated.some((a) => a.id === 'agt_ada' && a.load === 0)));
  assert.equal((await env.store.getSession(session.id))?.endedBy, 'visitor');
  await visitor.fails('session.end', { sessionId: session.id }, 'invalid_state');
  await env.close();
});

test('who may end: the serving agent and supervisors; not another agent nor another visitor', async () => {
  const env = await createEnv();
  const { session } = await startChat(env);
  const { peer: bo } = await env.agent('agt_bo');
  await bo.fails('session.end', { sessionId: session.id }, 'forbidden');
  const { peer: stranger } = await env.visitor();
  await stranger.fails('session.end', { sessionId: session.id }, 'not_found');
  const { peer: sue } = await env.agent('agt_sue');
  const { session: ended } = await sue.ok('session.end', { sessionId: session.id });
  assert.equal(ended.state, 'ended');
  assert.equal((await env.store.getSession(session.id))?.endedBy, 'agent');
  await bo.fails('session.end', { sessionId: 'ses_nope' }, 'not_found');
  await env.close();
});

test('session.rate: the visitor rates its own chat during or after it, not a queued one', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  const { session: rated } = await visitor.ok('session.rate', { sessionId: session.id, score: 4, comment: 'quick' });
  assert.deepEqual(rated.rating, { score: 4, comment: 'quick' });
  assert.deepEqual((await agent.next('session', (f) => f.session.rating !== undefined)).session.rating, { score: 4, comment: 'quick' });
  await visitor.ok('session.end', { sessionId: session.id });
  const after = await visitor.ok('session.rate', { sessionId: session.id, score: 5 });
  assert.deepEqual(after.session.rating, { score: 5 });
  assert.deepEqual((await env.store.getSession(session.id))?.rating, { score: 5 });
  const { peer: stranger } = await env.visitor();
  await stranger.fails('session.rate', { sessionId: session.id, score: 1 }, 'not_found');
  // A queued chat cannot be rated yet.
  await agent.ok('presence.set', { status: 'busy' });
  const { peer: waiting } = await env.visitor();
  const { session: queued } = await waiting.ok('chat.request', { fields: {} });
  assert.equal(queued.state, 'queued');
  await waiting.fails('session.rate', { sessionId: queued.id, score: 3 }, 'invalid_state');
  visitor.send({ type: 'session.rate', ref: 'r-bad', sessionId: session.id, score: 9 });
  assert.equal((await visitor.next('error', (f) => f.ref === 'r-bad')).code, 'bad_frame');
  await env.close();
});

test('rating.request reaches the visitor; only from the serving agent', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  await agent.ok('rating.request', { sessionId: session.id });
  assert.deepEqual(await visitor.next('rating.request'), { type: 'rating.request', sessionId: session.id });
  const { peer: bo } = await env.agent('agt_bo');
  await bo.fails('rating.request', { sessionId: session.id }, 'forbidden');
  await env.close();
});

test('session.evaluate: the agent who served, or a supervisor; the visitor never sees it', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  const evaluation = { topic: 'refund', level: 'high', category: 'billing', notes: 'angry' };
  const { session: evaluated } = await agent.ok('session.evaluate', { sessionId: session.id, evaluation });
  assert.deepEqual(evaluated.evaluation, evaluation);
  assert.deepEqual((await env.store.getSession(session.id))?.evaluation, evaluation);
  await visitor.none('session');
  const { peer: bo } = await env.agent('agt_bo');
  await bo.fails('session.evaluate', { sessionId: session.id, evaluation }, 'forbidden');
  const { peer: sue } = await env.agent('agt_sue');
  await sue.ok('session.evaluate', { sessionId: session.id, evaluation: { notes: 'fine' } });
  // After the end, evaluation still works, and the visitor's view never carries it.
  await agent.ok('session.end', { sessionId: session.id });
  const ended = await visitor.next('session', (f) => f.session.state === 'ended');
  assert.equal(ended.session.evaluation, undefined);
  await agent.ok('session.evaluate', { sessionId: session.id, evaluation: { topic: 'done' } });
  await env.close();
});

test('session.history pages through messages for participants, supervisors and context readers', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  for (let i = 1; i <= 5; i++) await visitor.ok('message.send', { sessionId: session.id, clientId: `c${i}`, text: `m${i}` });
  const seqs = (r: { messages: readonly { seq: number }[] }) => r.messages.map((m) => m.seq);
  assert.deepEqual(seqs(await visitor.ok('session.history', { sessionId: session.id })), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(seqs(await agent.ok('session.history', { sessionId: session.id, beforeSeq: 5, limit: 2 })), [3, 4]);
  assert.deepEqual(seqs(await agent.ok('session.history', { sessionId: session.id, afterSeq: 4 })), [5, 6]);
  const { peer: bo } = await env.agent('agt_bo');
  await bo.fails('session.history', { sessionId: session.id }, 'forbidden');
  const { peer: sue } = await env.agent('agt_sue');
  assert.equal((await sue.ok('session.history', { sessionId: session.id })).messages.length, 6);
  const { peer: stranger } = await env.visitor();
  await stranger.fails('session.history', { sessionId: session.id }, 'not_found');
  // Once ended, agents who can view visitors read it (the visitor's earlier chats).
  await agent.ok('session.end', { sessionId: session.id });
  assert.equal((await bo.ok('session.history', { sessionId: session.id })).messages.length, 6);
  await env.close();
});

test('offline.leave validates the site\'s fields, stores, tells agents and the hub\'s listeners', async () => {
  const env = await createEnv({
    settings: {
      offlineFields: [
        { name: 'email', label: 'E-mail', kind: 'email', required: true },
        { name: 'message', label: 'Message', kind: 'textarea', required: true },
      ],
    },
  });
  const { peer: ada } = await env.agent('agt_ada');
  await ada.ok('presence.set', { status: 'away' });
  const { peer: visitor, welcome } = await env.visitor();
  await visitor.fails('offline.leave', { fields: { message: 'hi' } }, 'invalid_form');
  await visitor.fails('offline.leave', { fields: { email: 'nope', message: 'hi' } }, 'invalid_form');
  const { offlineMessage } = await visitor.ok('offline.leave', { fields: { email: 'me@x.io', message: 'call me', extra: 'dropped' } });
  assert.deepEqual(offlineMessage, {
    id: 'off_1',
    siteId: 'site_a',
    visitorId: welcome.visitorId,
    fields: { email: 'me@x.io', message: 'call me' },
    labels: { email: 'E-mail', message: 'Message' },
    createdAt: env.clock.now(),
    replied: false,
  });
  assert.deepEqual((await ada.next('offline.message')).offlineMessage, offlineMessage);
  assert.deepEqual(env.events.offline, [{ offlineMessage }]);
  assert.deepEqual(await env.store.getOfflineMessage('off_1'), offlineMessage);
  await env.close();
});

test('automatic reply after the wait, at most maxTimes per session, disarmed by an agent answer', async () => {
  const env = await createEnv({ settings: { autoReply: { afterSeconds: 30, maxTimes: 2, text: 'One moment please.' } } });
  const { visitor, agent, session } = await startChat(env);
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'hello?' });
  await env.advance(29_000);
  await visitor.none('message');
  await env.advance(1_000);
  const auto = await visitor.next('message', (f) => f.message.author.kind === 'system');
  assert.equal(auto.message.text, 'One moment please.');
  assert.equal((await agent.next('message', (f) => f.message.author.kind === 'system')).message.text, 'One moment please.');
  // An agent answers in time: no auto reply.
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c2', text: 'anyone?' });
  await env.advance(10_000);
  await agent.ok('message.send', { sessionId: session.id, clientId: 'a1', text: 'yes!' });
  await env.advance(60_000);
  visitor.clear('message');
  // Second unanswered message: the second and last auto reply.
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c3', text: 'still there?' });
  await env.advance(30_000);
  await visitor.next('message', (f) => f.message.author.kind === 'system');
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c4', text: 'hello??' });
  await env.advance(120_000);
  const system = (await visitor.take('message')).filter((f) => f.message.author.kind === 'system');
  assert.deepEqual(system, []);
  assert.equal((await env.store.getSession(session.id))?.autoReplies, 2);
  await env.close();
});
