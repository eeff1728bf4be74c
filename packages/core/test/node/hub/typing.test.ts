import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { settle } from './support/peer.js';
import { startChat } from './support/chat.js';

test('visitor drafts reach the agent, throttled, last value delivered; sending clears', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  const draft = (text: string) => visitor.send({ type: 'typing', sessionId: session.id, draft: text });
  draft('H');
  assert.deepEqual(await agent.next('typing'), { type: 'typing', sessionId: session.id, side: 'visitor', draft: 'H', active: true });
  draft('He');
  draft('Hel');
  draft('Hell');
  await settle();
  await agent.none('typing');
  await env.advance(150);
  assert.deepEqual((await agent.take('typing')).map((f) => f.draft), ['Hell']);
  draft('Hello');
  await settle();
  await env.advance(100);
  await agent.none('typing');
  await env.advance(50);
  assert.equal((await agent.next('typing')).draft, 'Hello');
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'Hello' });
  assert.deepEqual(await agent.next('typing'), { type: 'typing', sessionId: session.id, side: 'visitor', draft: '', active: false });
  // The visitor never gets its own draft back.
  await visitor.none('typing');
  assert.deepEqual(await env.store.listMessages(session.id).then((m) => m.map((x) => x.text)), ['Welcome!', 'Hello']);
  await env.close();
});

test('an emptied draft is delivered as inactive', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  visitor.send({ type: 'typing', sessionId: session.id, draft: 'oops' });
  await agent.next('typing');
  await env.advance(200);
  visitor.send({ type: 'typing', sessionId: session.id, draft: '' });
  assert.deepEqual(await agent.next('typing'), { type: 'typing', sessionId: session.id, side: 'visitor', draft: '', active: false });
  await env.close();
});

test('with preview off, drafts go nowhere and nothing fails', async () => {
  const env = await createEnv({ settings: { typingPreview: false } });
  const { visitor, agent, session } = await startChat(env);
  const { peer: sue } = await env.agent('agt_sue');
  visitor.send({ type: 'typing', sessionId: session.id, draft: 'private thoughts' });
  await env.advance(500);
  await agent.none('typing');
  await sue.none('typing');
  await visitor.none('error');
  await env.close();
});

test('supervisors see drafts too', async () => {
  const env = await createEnv();
  const { peer: sue } = await env.agent('agt_sue');
  await sue.ok('presence.set', { status: 'busy' });
  const { visitor, session } = await startChat(env);
  visitor.send({ type: 'typing', sessionId: session.id, draft: 'hi' });
  assert.equal((await sue.next('typing')).draft, 'hi');
  await env.close();
});

test('agent typing reaches the visitor without the draft, once per change', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  agent.send({ type: 'typing', sessionId: session.id, draft: 'Let me' });
  assert.deepEqual(await visitor.next('typing'), { type: 'typing', sessionId: session.id, side: 'agent', active: true });
  await env.advance(200);
  agent.send({ type: 'typing', sessionId: session.id, draft: 'Let me check' });
  await env.advance(200);
  await visitor.none('typing');
  await agent.ok('message.send', { sessionId: session.id, clientId: 'a1', text: 'Let me check' });
  assert.deepEqual(await visitor.next('typing'), { type: 'typing', sessionId: session.id, side: 'agent', active: false });
  await env.close();
});

test('typing in a session that is not yours is refused; the chat carries on', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  const { peer: stranger } = await env.visitor();
  stranger.send({ type: 'typing', sessionId: session.id, draft: 'x' });
  assert.equal((await stranger.next('error')).code, 'not_found');
  const { peer: bo } = await env.agent('agt_bo');
  bo.send({ type: 'typing', sessionId: session.id, draft: 'x' });
  assert.equal((await bo.next('error')).code, 'forbidden');
  await agent.none('typing');
  visitor.send({ type: 'typing', sessionId: session.id, draft: 'ok' });
  assert.equal((await agent.next('typing')).draft, 'ok');
  await env.close();
});
