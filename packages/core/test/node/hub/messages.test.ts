import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnv } from './support/env.js';
import { startChat } from './support/chat.js';
import { encodeAck, messageFrame } from '../../../src/hub/message-encoding.js';
import { encodeFrame } from '../../../src/protocol/decode.js';
import type { Message } from '../../../src/protocol/model.js';

test('messages flow both ways with increasing seq; the sender gets an ack', async () => {
  const env = await createEnv();
  const { visitor, agent, session, visitorId, token } = await startChat(env);
  const { peer: otherTab } = await env.visitor({ token });
  const { peer: otherConsole } = await env.agent('agt_ada');
  const sent = await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'Hi there' });
  assert.deepEqual([sent.message.seq, sent.message.text, sent.message.author.kind, sent.message.author.id], [2, 'Hi there', 'visitor', visitorId]);
  assert.deepEqual((await agent.next('message')).message, sent.message);
  assert.deepEqual((await otherConsole.next('message')).message, sent.message);
  // The visitor's other tabs see it too; the sending connection has it in its ack only.
  assert.deepEqual((await otherTab.next('message')).message, sent.message);
  await visitor.none('message');
  const reply = await agent.ok('message.send', {
    sessionId: session.id,
    clientId: 'a1',
    attachments: [{ id: 'fil_1', name: 'a.png', type: 'image/png', size: 10, url: '/files/1' }],
  });
  assert.deepEqual([reply.message.seq, reply.message.author], [3, { kind: 'agent', id: 'agt_ada', name: 'Ada' }]);
  assert.equal((await visitor.next('message')).message.attachments?.[0]?.id, 'fil_1');
  assert.equal((await otherTab.next('message')).message.clientId, 'a1');
  // The agent's other console hears its reply; the console that sent it does not.
  assert.deepEqual((await otherConsole.next('message')).message, reply.message);
  await agent.none('message');
  await env.close();
});

test('re-sending a clientId acks the stored message and broadcasts nothing', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  const first = await visitor.ok('message.send', { sessionId: session.id, clientId: 'dup', text: 'once' });
  await agent.next('message');
  visitor.clear();
  const again = await visitor.ok('message.send', { sessionId: session.id, clientId: 'dup', text: 'once, again' });
  assert.deepEqual(again.message, first.message);
  await agent.none('message');
  await visitor.none('message');
  assert.equal(await env.store.lastSeq(session.id), 2);
  await env.close();
});

test('after the session ended, a re-send of a stored message is acked; a new one is invalid_state', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  const first = await visitor.ok('message.send', { sessionId: session.id, clientId: 'm1', text: 'bye' });
  await agent.ok('session.end', { sessionId: session.id });
  assert.deepEqual((await visitor.ok('message.send', { sessionId: session.id, clientId: 'm1', text: 'bye' })).message, first.message);
  await visitor.fails('message.send', { sessionId: session.id, clientId: 'm2', text: 'more' }, 'invalid_state');
  await agent.fails('message.send', { sessionId: session.id, clientId: 'a2', text: 'more' }, 'invalid_state');
  await env.close();
});

test('only participants write: other visitors get not_found, other agents forbidden', async () => {
  const env = await createEnv();
  const { visitor, session } = await startChat(env);
  const { peer: stranger } = await env.visitor();
  await stranger.fails('message.send', { sessionId: session.id, clientId: 'x', text: 'hijack' }, 'not_found');
  const { peer: bo } = await env.agent('agt_bo');
  await bo.fails('message.send', { sessionId: session.id, clientId: 'x', text: 'hijack' }, 'forbidden');
  const { peer: sue } = await env.agent('agt_sue');
  await sue.fails('message.send', { sessionId: session.id, clientId: 'x', text: 'hijack' }, 'forbidden');
  await visitor.fails('message.send', { sessionId: 'ses_nope', clientId: 'x', text: 'a' }, 'not_found');
  // The chat itself carries on.
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'ok', text: 'still here' });
  await env.close();
});

test('supervisors receive every chat of their site once, including chats they serve', async () => {
  const env = await createEnv({ agents: { agt_ada: { capacity: 0 }, agt_bo: { capacity: 0 } } });
  const { peer: sue } = await env.agent('agt_sue');
  const { visitor, session } = await startChat(env, 'agt_sue', sue);
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'to sue' });
  const got = await sue.take('message');
  assert.equal(got.length, 1, 'a supervisor serving a chat gets each message once');
  await env.close();
});

test('supervisors see messages of chats others serve', async () => {
  const env = await createEnv();
  const { peer: sue } = await env.agent('agt_sue');
  await sue.ok('presence.set', { status: 'busy' });
  const { visitor, session } = await startChat(env);
  sue.clear();
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'hello' });
  assert.equal((await sue.next('message')).message.text, 'hello');
  const { peer: bo } = await env.agent('agt_bo');
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c2', text: 'again' });
  await bo.none('message');
  await env.close();
});

test('message.read tells the other side; beyond lastSeq is an error and the chat carries on', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'q' });
  visitor.send({ type: 'message.read', sessionId: session.id, seq: 2 });
  assert.deepEqual(await agent.next('read'), { type: 'read', sessionId: session.id, side: 'visitor', seq: 2 });
  agent.send({ type: 'message.read', sessionId: session.id, seq: 2 });
  assert.deepEqual(await visitor.next('read'), { type: 'read', sessionId: session.id, side: 'agent', seq: 2 });
  visitor.send({ type: 'message.read', sessionId: session.id, seq: 99 });
  const error = await visitor.next('error');
  assert.equal(error.code, 'invalid_state');
  assert.equal(error.ref, undefined);
  // Reading an older seq again changes nothing and tells nobody.
  visitor.send({ type: 'message.read', sessionId: session.id, seq: 1 });
  await agent.none('read');
  assert.deepEqual((await env.store.getSession(session.id))?.readSeq, { visitor: 2, agent: 2 });
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c2', text: 'still fine' });
  // Someone else's session.
  const { peer: stranger } = await env.visitor();
  stranger.send({ type: 'message.read', sessionId: session.id, seq: 1 });
  assert.equal((await stranger.next('error')).code, 'not_found');
  await env.close();
});

test('the live list shows the last message', async () => {
  const env = await createEnv();
  const { visitor, agent, session, visitorId } = await startChat(env);
  await agent.ok('visitors.watch', { watch: true });
  await agent.next('visitors');
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'where is my parcel?' });
  await env.advance(250);
  // Still "added" in this batch (the visitor arrived within it), or "updated": either way, with the message.
  const update = await agent.next('visitors', (f) => [...f.added, ...f.updated].some((v) => v.id === visitorId && v.lastMessage !== undefined));
  const info = [...update.added, ...update.updated].find((v) => v.id === visitorId);
  assert.deepEqual(info?.lastMessage, { text: 'where is my parcel?', at: env.clock.now() - 250 });
  assert.equal(info?.sessionId, session.id);
  assert.equal(info?.sessionState, 'active');
  await env.close();
});

test('both sides reading at the same moment: neither read receipt is lost', async () => {
  const env = await createEnv();
  const { visitor, agent, session } = await startChat(env);
  await visitor.ok('message.send', { sessionId: session.id, clientId: 'c1', text: 'q' });
  await agent.ok('message.send', { sessionId: session.id, clientId: 'a1', text: 'a' });
  visitor.send({ type: 'message.read', sessionId: session.id, seq: 3 });
  agent.send({ type: 'message.read', sessionId: session.id, seq: 2 });
  await agent.next('read');
  await visitor.next('read');
  assert.deepEqual((await env.store.getSession(session.id))?.readSeq, { visitor: 3, agent: 2 });
  await env.close();
});

test('a message is encoded once for its frame and its ack, exactly as encodeFrame would', () => {
  const message: Message = {
    id: 'msg_1', sessionId: 'ses_1', clientId: 'c "1"', seq: 4, author: { kind: 'visitor', id: 'vis_1' }, at: 5, text: 'é \u2028 "quoted" \\',
    attachments: [{ id: 'fil_1', name: 'a.png', type: 'image/png', size: 3, url: '/f/1' }],
  };
  assert.equal(messageFrame(message).data, encodeFrame({ type: 'message', message }));
  assert.equal(encodeAck('r"1', { message }), encodeFrame({ type: 'ack', ref: 'r"1', result: { message } }));
  // Any other result, or a message not encoded here, is encoded as usual.
  assert.equal(encodeAck('r2', { message, extra: 1 }), encodeFrame({ type: 'ack', ref: 'r2', result: { message, extra: 1 } }));
  assert.equal(encodeAck('r3', { message: { ...message } }), encodeFrame({ type: 'ack', ref: 'r3', result: { message: { ...message } } }));
});
