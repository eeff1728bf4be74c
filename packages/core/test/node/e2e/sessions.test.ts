/**
 * Flow 1, sessions, end to end: a visitor and two agents through the real hub
 * over memory transports. Request with a pre-chat form, routing, messages with
 * delivery states, the queue with live positions, end, rating, and the
 * leave-a-message path when nobody can chat.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { ParleyError, type VisitorClient } from '../../../src/index.js';
import { createWorld, type World } from './support/world.js';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(async () => {
  await world.close();
});

const texts = (messages: readonly { text?: string }[]) => messages.map((m) => m.text);

describe('sessions', () => {
  test('a visitor chats with the agent the hub routes to, and both see the same conversation', async () => {
    const ada = await world.agent('agt_ada');
    const visitor = await world.visitor();
    await world.until(() => visitor.availability === 'online', 'the launcher shows online');

    const session = await visitor.requestChat({ name: 'Ann', topic: 'help' });
    assert.equal(session.groupId, 'grp_support', 'the question type picked the group');
    await world.until(() => visitor.session?.state === 'active', 'the chat is taken');
    assert.equal(visitor.session?.agentId, 'agt_ada');
    await world.until(() => ada.sessions.some((s) => s.id === session.id), 'the agent has the chat');

    const sent = visitor.send('Where is my parcel?');
    assert.equal(sent.delivery, 'sending', 'shown at once, before the hub answers');
    await world.until(() => visitor.messages().some((m) => m.clientId === sent.clientId && m.delivery === 'sent'), 'acknowledged');
    await world.until(() => texts(ada.messages(session.id)).includes('Where is my parcel?'), 'the agent sees it');

    ada.send(session.id, 'It leaves today.');
    await world.until(() => texts(visitor.messages()).includes('It leaves today.'), 'the visitor sees the answer');
    assert.deepEqual(texts(visitor.messages()), ['Hello, how can we help?', 'Where is my parcel?', 'It leaves today.']);
    assert.deepEqual(texts(ada.messages(session.id)), texts(visitor.messages()), 'one conversation, same order');
    const seqs = visitor.messages().map((m) => m.seq);
    assert.deepEqual(seqs, [1, 2, 3]);

    ada.markRead(session.id);
    await world.until(
      () => visitor.messages().find((m) => m.clientId === sent.clientId)?.delivery === 'read',
      'the visitor sees its message read',
    );
  });

  test('a pre-chat form without a required field is refused with invalid_form and nothing is created', async () => {
    await world.agent('agt_ada');
    const visitor = await world.visitor();
    await assert.rejects(visitor.requestChat({ topic: 'buy' }), (e: unknown) => e instanceof ParleyError && e.code === 'invalid_form');
    assert.equal(visitor.session, undefined);
    assert.equal((await world.store.listSessions({ siteId: 'site_shop' })).length, 0);
  });

  test('when every agent is full the chat queues with a live position, and moves up as chats end', async () => {
    const ada = await world.agent('agt_ada');
    const bo = await world.agent('agt_bo');
    const served: VisitorClient[] = [];
    for (let i = 0; i < 4; i++) {
      const v = await world.visitor();
      await v.requestChat({ name: `V${i}` });
      served.push(v);
    }
    await world.until(() => served.every((v) => v.session?.state === 'active'), 'four chats taken');
    assert.deepEqual([ada.sessions.length, bo.sessions.length], [2, 2], 'service mode spreads the load');
    await world.until(() => served.every((v) => v.availability === 'busy'), 'launchers show busy');

    const fifth = await world.visitor();
    const sixth = await world.visitor();
    await fifth.requestChat({ name: 'Five' });
    await sixth.requestChat({ name: 'Six' });
    await world.until(() => fifth.queuePosition === 1 && sixth.queuePosition === 2, 'queue positions');
    await world.until(() => ada.queue.length === 2, 'agents see the queue');

    const first = served[0]!;
    const firstAgent = ada.sessions.some((s) => s.id === first.session?.id) ? ada : bo;
    await firstAgent.end(first.session!.id);
    await world.until(() => fifth.session?.state === 'active', 'the oldest queued chat is taken when a slot frees');
    assert.equal(fifth.session?.agentId, firstAgent.agent?.id);
    await world.until(() => sixth.queuePosition === 1, 'the next one moves up');
    await world.until(() => ada.queue.length === 1 && bo.queue.length === 1, 'agents see the shorter queue');
  });

  test('the visitor ends the chat and rates it; the agent sees the rating', async () => {
    const ada = await world.agent('agt_ada');
    const visitor = await world.visitor();
    const session = await visitor.requestChat({ name: 'Ann' });
    await world.until(() => visitor.session?.state === 'active', 'taken');
    let asked = false;
    visitor.on('ratingRequest', () => (asked = true));
    await ada.requestRating(session.id);
    await world.until(() => asked, 'the visitor is asked to rate');
    const ended = await visitor.end();
    assert.equal(ended.state, 'ended');
    const rated = await visitor.rate(5, 'Quick and kind');
    assert.deepEqual(rated.rating, { score: 5, comment: 'Quick and kind' });
    await world.until(() => ada.sessionById(session.id)?.rating?.score === 5 || ada.sessionById(session.id) === undefined, 'agent side updated');
    const stored = await world.store.getSession(session.id);
    assert.equal(stored?.state, 'ended');
    assert.equal(stored?.rating?.score, 5);
    assert.equal(stored?.endedBy, 'visitor');
  });

  test('with nobody online the launcher shows offline, a chat request is refused, and the left message reaches the agents', async () => {
    const visitor = await world.visitor();
    await world.until(() => visitor.availability === 'offline', 'offline');
    await assert.rejects(visitor.requestChat({ name: 'Ann' }), (e: unknown) => e instanceof ParleyError && e.code === 'no_agent_available');
    await assert.rejects(visitor.leaveMessage({ message: 'no email' }), (e: unknown) => e instanceof ParleyError && e.code === 'invalid_form');
    const left = await visitor.leaveMessage({ email: 'ann@example.com', message: 'Call me back, please.' });
    assert.equal(left.replied, false);

    const ada = await world.agent('agt_ada');
    const listed = await world.store.listOfflineMessages('site_shop');
    assert.deepEqual(listed.map((m) => m.fields.message), ['Call me back, please.']);
    // Agents online when a message is left hear about it at once.
    const seen: string[] = [];
    ada.on('offlineMessage', (m) => seen.push(m.fields.message ?? ''));
    await ada.setPresence('away');
    const other = await world.visitor();
    await world.until(() => other.availability === 'offline', 'away agents cannot chat');
    await other.leaveMessage({ email: 'bo@example.com', message: 'Second' });
    await world.until(() => seen.includes('Second'), 'the agent is told');
  });

  test('a queued chat whose agents all leave becomes an offline message, never lost', async () => {
    const ada = await world.agent('agt_ada');
    const bo = await world.agent('agt_bo');
    for (let i = 0; i < 4; i++) await (await world.visitor()).requestChat({ name: `V${i}` });
    const waiting = await world.visitor();
    await waiting.requestChat({ name: 'Waiting' });
    await world.until(() => waiting.queuePosition === 1, 'queued');
    ada.close();
    bo.close();
    await world.until(() => waiting.session?.state === 'offline' || waiting.sessions.some((s) => s.state === 'offline'), 'became offline');
    const left = await world.store.listOfflineMessages('site_shop');
    assert.equal(left.length, 1);
    assert.equal(left[0]?.fields.name, 'Waiting');
  });
});
