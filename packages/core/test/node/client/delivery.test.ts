import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChatMessage } from '../../../src/index.js';
import { agentSetup, visitorSetup } from './support/clients.js';
import { FakeHub } from './support/fake-hub.js';
import { agentWelcome, message, sessionInfo, visitorWelcome } from './support/fixtures.js';
import { advance, settle } from './support/settle.js';

const states = (messages: readonly ChatMessage[]) => messages.map((m) => `${m.text}:${m.delivery}`);
const visitorHub = (readSeq = { visitor: 0, agent: 0 }) =>
  new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo({ readSeq })] }) });

describe('delivery states', () => {
  test('sending → sent → read as the agent reads', async () => {
    const hub = visitorHub();
    hub.handlers['message.send'] = () => 'silent';
    const { client, log, connect } = visitorSetup({ hub });
    await connect();
    client.send('one');
    await settle();
    assert.deepEqual(states(client.messages()), ['one:sending']);

    delete hub.handlers['message.send'];
    client.send('two');
    await settle();
    // 'two' waits behind the unanswered 'one'; answer 'one' by a reconnect.
    hub.link.drop();
    await settle();
    client.connect();
    await settle();
    assert.deepEqual(states(client.messages()), ['one:sent', 'two:sent']);

    hub.link.send({ type: 'read', sessionId: 'ses_1', side: 'agent', seq: 1 });
    await settle();
    assert.deepEqual(states(client.messages()), ['one:read', 'two:sent']);
    const last = log.of('messages').at(-1);
    assert.deepEqual(last?.updated.map((m) => m.text), ['one']);

    hub.link.send({ type: 'session', session: sessionInfo({ readSeq: { visitor: 0, agent: 2 } }) });
    await settle();
    assert.deepEqual(states(client.messages()), ['one:read', 'two:read']);
  });

  test("the visitor's own read receipts do not mark its messages read", async () => {
    const { client, hub, connect } = visitorSetup({ hub: visitorHub() });
    await connect();
    client.send('mine');
    await settle();
    hub.link.send({ type: 'read', sessionId: 'ses_1', side: 'visitor', seq: 1 });
    await settle();
    assert.deepEqual(states(client.messages()), ['mine:sent']);
  });

  test('a message already read when it arrives is read at once (welcome readSeq)', async () => {
    const { client, hub, connect } = visitorSetup({ hub: visitorHub({ visitor: 0, agent: 5 }) });
    await connect();
    hub.link.send({ type: 'message', message: message(2, { author: { kind: 'visitor', id: 'vis_1' }, text: 'old' }) });
    await settle();
    assert.deepEqual(states(client.messages()), ['old:read']);
    assert.equal(client.messages()[0]?.own, true);
  });

  test('markRead tells the hub once, clears the unread count, and waits for the connection', async () => {
    const { client, hub, clock, connect } = visitorSetup({ hub: visitorHub() });
    await connect();
    for (const seq of [1, 2]) hub.link.send({ type: 'message', message: message(seq) });
    await settle();
    assert.equal(client.unreadCount(), 2);
    client.markRead();
    client.markRead();
    assert.equal(client.unreadCount(), 0);
    assert.deepEqual(hub.link.frames('message.read'), [{ type: 'message.read', sessionId: 'ses_1', seq: 2 }]);

    hub.link.send({ type: 'message', message: message(3) });
    await settle();
    hub.link.drop();
    await settle();
    client.markRead();
    assert.equal(client.unreadCount(), 0);
    await advance(clock, 200);
    assert.deepEqual(hub.link.frames('message.read'), [{ type: 'message.read', sessionId: 'ses_1', seq: 3 }]);
  });

  test("agents see the visitor's read receipts on their messages", async () => {
    const hub = new FakeHub({ welcome: () => agentWelcome({ sessions: [sessionInfo()] }) });
    const { client, connect } = agentSetup({ hub });
    await connect();
    client.send('ses_1', 'Hello, how can I help?');
    await settle();
    assert.deepEqual(states(client.messages('ses_1')), ['Hello, how can I help?:sent']);
    hub.link.send({ type: 'read', sessionId: 'ses_1', side: 'visitor', seq: 1 });
    await settle();
    assert.deepEqual(states(client.messages('ses_1')), ['Hello, how can I help?:read']);
  });
});
