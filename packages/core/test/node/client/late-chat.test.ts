import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createVisitorChat,
  createFakeClock,
  createMemoryStorage,
  ParleyError,
  VisitorClientBase,
  type ChatMessage,
  type ClientStorage,
  type VisitorEvents,
} from '../../../src/index.js';
import { visitorSetup } from './support/clients.js';
import { FakeHub } from './support/fake-hub.js';
import { message, sessionInfo, visitorWelcome } from './support/fixtures.js';
import { recorder, settle } from './support/settle.js';

const seqs = (messages: readonly ChatMessage[]) => messages.map((m) => m.seq);
const agent = { kind: 'agent', id: 'agt_1' } as const;

/** A visitor client without its chat machinery, as the script-tag widget starts. */
function baseSetup(hub: FakeHub, storage: ClientStorage = createMemoryStorage()) {
  const client = new VisitorClientBase({ siteId: 'site_1', transport: hub.factory, storage, clock: createFakeClock(), random: () => 0.5 });
  const log = recorder<VisitorEvents>(client, ['messages', 'availability', 'session', 'invite', 'error']);
  return { client, log };
}

describe('the chat machinery attached later (VisitorClientBase)', () => {
  test('without it, presence, sessions and invitations work; messages wait for it', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo({ lastSeq: 2 })] }) });
    const { client, log } = baseSetup(hub);
    client.connect();
    await settle();
    assert.equal(client.status, 'open');
    assert.equal(client.availability, 'online');
    assert.equal(client.session?.id, 'ses_1');
    assert.equal(client.chat, undefined, 'no chat commands before the chat is attached');
    hub.link.send({ type: 'message', message: message(3) });
    await settle();
    assert.deepEqual(client.messages(), []);
    assert.equal(client.unreadCount(), 0);
    assert.equal(log.of('messages').length, 0);
    assert.equal(hub.link.frames('session.history').length, 0, 'nothing fetched for a chat nobody shows');
  });

  test('attached after the welcome, it reads storage and fetches everything since, to the end', async () => {
    const storage = createMemoryStorage();
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo({ lastSeq: 2 })] }) });
    for (const seq of [1, 2]) hub.store('ses_1', `cli_${seq}`, { text: `m${seq}` }, agent);
    // An earlier page of the same visitor kept messages 1 and 2.
    const earlier = visitorSetup({ hub, storage });
    await earlier.connect();
    await settle();
    assert.deepEqual(seqs(earlier.client.messages()), [1, 2]);
    earlier.client.close();

    const { client, log } = baseSetup(hub, storage);
    client.connect();
    await settle();
    // Stored by the hub after the welcome (lastSeq 2 in it is stale by now), before the chat is attached.
    hub.link.send({ type: 'message', message: hub.store('ses_1', 'cli_3', { text: 'm3' }, agent) });
    await settle();
    const before = hub.link.frames('session.history').length;
    const chat = client.attachChat(createVisitorChat);
    await settle();
    assert.equal(client.chat, chat);
    assert.deepEqual(seqs(client.messages()), [1, 2, 3]);
    const fetched = hub.link.frames('session.history').slice(before);
    assert.equal(fetched[0]?.afterSeq, 2, 'from what storage held');
    assert.deepEqual(log.of('error'), []);
    // From now on, frames are taken in.
    hub.link.send({ type: 'message', message: hub.store('ses_1', 'cli_4', { text: 'm4' }, agent) });
    await settle();
    assert.deepEqual(seqs(client.messages()), [1, 2, 3, 4]);
    assert.equal(chat.send('hello').delivery, 'sending');
    await settle();
    assert.equal(hub.stored.get('ses_1')?.at(-1)?.text, 'hello');
  });

  test('a chat that began after the welcome (a proactive invitation) is caught up too', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [] }) });
    const { client } = baseSetup(hub);
    client.connect();
    await settle();
    hub.link.send({ type: 'session', session: sessionInfo({ id: 'ses_2', state: 'active', lastSeq: 1 }) });
    hub.link.send({ type: 'message', message: hub.store('ses_2', 'cli_1', { text: 'Hi! Any question?' }, agent) });
    await settle();
    client.attachChat(createVisitorChat);
    await settle();
    assert.deepEqual(client.messages().map((m) => m.text), ['Hi! Any question?']);
  });

  test('attached before connecting, it is a VisitorClient: the hello resumes what storage holds', async () => {
    const storage = createMemoryStorage();
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo({ lastSeq: 2 })] }) });
    const earlier = visitorSetup({ hub, storage });
    await earlier.connect();
    for (const seq of [1, 2]) hub.link.send({ type: 'message', message: message(seq) });
    await settle();
    earlier.client.close();

    const { client } = baseSetup(hub, storage);
    client.attachChat(createVisitorChat);
    client.connect();
    await settle();
    assert.deepEqual(hub.link.frames('hello')[0]?.resume, { ses_1: 2 });
    assert.deepEqual(seqs(client.messages()), [1, 2]);
  });

  test('attachChat gives the chat commands, once: later calls return the same chat', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [] }) });
    const { client } = baseSetup(hub);
    client.connect();
    await settle();
    const chat = client.attachChat(createVisitorChat);
    assert.equal(client.attachChat(createVisitorChat), chat);
    const session = await chat.requestChat({ name: 'Ada' });
    assert.equal(client.session?.id, session.id, 'the session the hub answered with is the client\'s');
    assert.equal(chat.send('hi').delivery, 'sending');
    await settle();
    assert.equal(hub.stored.get(session.id)?.at(-1)?.text, 'hi');
  });

  test('the chat commands need a session as VisitorClient\'s do', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [] }) });
    const { client } = baseSetup(hub);
    client.connect();
    await settle();
    const chat = client.attachChat(createVisitorChat);
    const invalidState = (error: unknown) => error instanceof ParleyError && error.code === 'invalid_state';
    assert.throws(() => chat.send('hi'), invalidState);
    await assert.rejects(chat.end(), invalidState);
    await assert.rejects(chat.rate(5), invalidState);
    await assert.rejects(chat.loadHistory(), invalidState);
  });
});
