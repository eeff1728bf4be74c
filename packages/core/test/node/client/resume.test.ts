import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStorage, type ChatMessage, type HelloFrame } from '../../../src/index.js';
import { agentSetup, visitorSetup } from './support/clients.js';
import { FakeHub } from './support/fake-hub.js';
import { agentWelcome, message, sessionInfo, visitorWelcome } from './support/fixtures.js';
import { advance, settle } from './support/settle.js';

const seqs = (messages: readonly ChatMessage[]) => messages.map((m) => m.seq);
const resumeOf = (hello: HelloFrame | undefined) => hello?.resume;

describe('resume and exactly-once display', () => {
  test('the next hello carries the last seq seen per session', async () => {
    const hub = new FakeHub({
      welcome: () => visitorWelcome({ sessions: [sessionInfo(), sessionInfo({ id: 'ses_2', createdAt: 5 })] }),
    });
    const { client, clock, connect } = visitorSetup({ hub });
    await connect();
    assert.equal(resumeOf(hub.link.frames('hello')[0]), undefined, 'nothing to resume at first');
    for (const seq of [1, 2, 3]) hub.link.send({ type: 'message', message: message(seq) });
    hub.link.send({ type: 'message', message: message(7, { sessionId: 'ses_2' }) });
    await settle();
    hub.link.drop();
    await advance(clock, 200);
    assert.equal(client.status, 'open');
    assert.deepEqual(resumeOf(hub.link.frames('hello')[0]), { ses_1: 3, ses_2: 7 });
  });

  test('duplicated and reordered message frames show exactly once, in seq order', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo()] }) });
    const { client, log, connect } = visitorSetup({ hub });
    await connect();
    for (const seq of [2, 1, 2, 4, 3, 1, 4]) hub.link.send({ type: 'message', message: message(seq) });
    await settle();
    assert.deepEqual(seqs(client.messages()), [1, 2, 3, 4]);
    const added = log.of('messages').flatMap((c) => c.added.map((m) => m.seq));
    assert.deepEqual(added.sort(), [1, 2, 3, 4], 'each announced once');
  });

  test('messages replayed after a reconnect that were already shown are not shown again', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo({ lastSeq: 3 })] }) });
    const { client, clock, connect } = visitorSetup({ hub });
    await connect();
    for (const seq of [1, 2]) hub.link.send({ type: 'message', message: message(seq) });
    await settle();
    hub.link.drop();
    await advance(clock, 200);
    // An at-least-once hub replays a little too much.
    for (const seq of [2, 3]) hub.link.send({ type: 'message', message: message(seq) });
    await settle();
    assert.deepEqual(seqs(client.messages()), [1, 2, 3]);
  });

  test('the resume seqs survive a reload', async () => {
    const storage = createMemoryStorage();
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo({ lastSeq: 2 })] }) });
    const first = visitorSetup({ hub, storage });
    await first.connect();
    for (const seq of [1, 2]) hub.link.send({ type: 'message', message: message(seq) });
    await settle();
    first.client.close();

    const second = visitorSetup({ hub, storage });
    await second.connect();
    assert.deepEqual(resumeOf(hub.link.frames('hello')[0]), { ses_1: 2 });
    assert.deepEqual(seqs(second.client.messages()), [1, 2]);
    assert.equal(hub.link.frames('session.history').length, 0, 'nothing to fetch: all is held');
  });

  test('a session the hello did not resume is caught up through history', async () => {
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo({ lastSeq: 3 })] }) });
    for (const seq of [1, 2, 3]) hub.store('ses_1', `cli_${seq}`, { text: `m${seq}` }, { kind: 'agent', id: 'agt_1' });
    const { client, connect } = visitorSetup({ hub });
    await connect();
    const [history] = hub.link.frames('session.history');
    assert.equal(history?.sessionId, 'ses_1');
    assert.equal(history?.beforeSeq, 4, 'the newest page');
    assert.deepEqual(seqs(client.messages()), [1, 2, 3]);
  });

  test('stored data of a session the hub no longer lists is forgotten', async () => {
    const storage = createMemoryStorage();
    let sessions = [sessionInfo({ lastSeq: 1 })];
    const hub = new FakeHub({ welcome: () => visitorWelcome({ sessions }) });
    const first = visitorSetup({ hub, storage });
    await first.connect();
    hub.link.send({ type: 'message', message: message(1) });
    await settle();
    first.client.close();

    sessions = [];
    const second = visitorSetup({ hub, storage });
    await second.connect();
    assert.deepEqual(resumeOf(hub.link.frames('hello')[0]), { ses_1: 1 });
    await settle();
    assert.deepEqual(await storage.entries('v:site_1:seq:'), []);
    assert.deepEqual(await storage.entries('v:site_1:msg:'), []);
  });

  test('agents resume the sessions they serve too', async () => {
    const hub = new FakeHub({ welcome: () => agentWelcome({ sessions: [sessionInfo()] }) });
    const { client, clock, connect } = agentSetup({ hub });
    await connect();
    for (const seq of [3, 1, 2, 3]) hub.link.send({ type: 'message', message: message(seq, { author: { kind: 'visitor', id: 'vis_1' } }) });
    await settle();
    assert.deepEqual(seqs(client.messages('ses_1')), [1, 2, 3]);
    hub.link.drop();
    await advance(clock, 200);
    assert.deepEqual(resumeOf(hub.link.frames('hello')[0]), { ses_1: 3 });
  });
});
