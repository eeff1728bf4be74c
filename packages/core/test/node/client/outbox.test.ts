import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStorage, ParleyError, type ChatMessage, type ClientStorage } from '../../../src/index.js';
import { visitorSetup } from './support/clients.js';
import { FakeHub, type FakeLink } from './support/fake-hub.js';
import { sessionInfo, visitorWelcome } from './support/fixtures.js';
import { advance, settle } from './support/settle.js';

const withSession = () => new FakeHub({ welcome: () => visitorWelcome({ sessions: [sessionInfo()] }) });
const visible = (messages: readonly ChatMessage[]) => messages.map((m) => [m.text, m.delivery, m.seq]);

describe('outbox', () => {
  test('a message typed while offline shows at once as sending and goes out after the reconnect', async () => {
    const { client, hub, clock, storage, connect } = visitorSetup({ hub: withSession() });
    await connect();
    hub.link.drop();
    await settle();
    assert.equal(client.status, 'reconnecting');

    const message = client.send('Hello?');
    assert.equal(message.delivery, 'sending');
    assert.deepEqual(visible(client.messages()), [['Hello?', 'sending', undefined]]);
    await settle();
    assert.equal((await storage.entries('v:site_1:outbox:')).length, 1, 'written before any attempt');
    assert.equal(hub.frames('message.send').length, 0);

    await advance(clock, 200);
    assert.equal(client.status, 'open');
    const sent = hub.frames('message.send');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.clientId, message.clientId);
    assert.deepEqual(visible(client.messages()), [['Hello?', 'sent', 1]]);
    assert.equal((await storage.entries('v:site_1:outbox:')).length, 0, 'removed once acked');
    assert.deepEqual(hub.invalid, []);
  });

  for (const replay of ['none', 'before the re-send', 'after the ack'] as const) {
    test(`a message whose ack was lost shows once (hub replay: ${replay})`, async () => {
      let dropped = false;
      const author = { kind: 'visitor', id: 'vis_1' } as const;
      const replayTo = (link: FakeLink, after: number) => {
        for (const m of hub.stored.get('ses_1') ?? []) if (m.seq > after) link.send({ type: 'message', message: m });
      };
      const hub: FakeHub = new FakeHub({
        welcome: (hello, link) => {
          const after = hello.resume?.ses_1 ?? 0;
          if (replay === 'before the re-send') queueMicrotask(() => replayTo(link, after));
          return visitorWelcome({ sessions: [sessionInfo({ lastSeq: hub.stored.get('ses_1')?.length ?? 0 })] });
        },
        handlers: {
          'message.send': (frame, link) => {
            const stored = hub.store(frame.sessionId, frame.clientId, frame, author);
            if (!dropped) {
              // Stored, but the link dies before the ack.
              dropped = true;
              link.drop();
              return 'silent';
            }
            if (replay === 'after the ack') queueMicrotask(() => replayTo(link, 0));
            return { result: { message: stored } };
          },
        },
      });
      const { client, clock, log, connect } = visitorSetup({ hub });
      await connect();
      const message = client.send('Only once');
      await settle();
      assert.equal(client.status, 'reconnecting');
      await advance(clock, 200);
      assert.equal(client.status, 'open');

      const resends = hub.links[1]?.frames('message.send') ?? [];
      if (replay === 'before the re-send') {
        assert.equal(resends.length, 0, 'the replay proved it stored: not sent again');
      } else {
        assert.equal(resends.length, 1, 'sent again after the reconnect');
        assert.equal(resends[0]?.clientId, message.clientId, 'with the same clientId');
      }
      assert.deepEqual(visible(client.messages()), [['Only once', 'sent', 1]]);
      assert.equal(client.messages()[0]?.clientId, message.clientId);
      assert.equal(log.of('messages').flatMap((c) => c.added).length, 1, 'added once, then only updated');
      assert.equal(hub.stored.get('ses_1')?.length, 1);
    });
  }

  test('the outbox and the transcript survive a reload (a new client on the same storage)', async () => {
    const storage = createMemoryStorage();
    const hub = withSession();
    hub.handlers['message.send'] = () => 'silent';
    const first = visitorSetup({ hub, storage });
    await first.connect();
    hub.link.send({ type: 'message', message: hub.store('ses_1', 'cli_a', { text: 'Hi, how can I help?' }, { kind: 'agent', id: 'agt_1' }) });
    await settle();
    const typed = first.client.send('My order is late');
    await settle();
    first.client.close(); // the page unloads before the hub answered

    delete hub.handlers['message.send'];
    const second = visitorSetup({ hub, storage });
    second.client.connect();
    await settle();
    assert.equal(second.client.status, 'open');
    const hello = hub.link.frames('hello')[0];
    assert.equal(hello?.role, 'visitor');
    assert.deepEqual(hello?.role === 'visitor' ? hello.resume : undefined, { ses_1: 1 });
    const resent = hub.link.frames('message.send');
    assert.equal(resent.length, 1);
    assert.equal(resent[0]?.clientId, typed.clientId);
    assert.deepEqual(visible(second.client.messages()), [
      ['Hi, how can I help?', 'sent', 1],
      ['My order is late', 'sent', 2],
    ]);
  });

  test('after a reload, stored messages show before the hub answers', async () => {
    const storage = createMemoryStorage();
    const hub = withSession();
    const first = visitorSetup({ hub, storage });
    await first.connect();
    first.client.send('Hello');
    await settle();
    first.client.close();

    const second = visitorSetup({ hub: new FakeHub({ autoOpen: false }), storage });
    second.client.connect();
    await settle();
    assert.equal(second.client.status, 'connecting');
    assert.equal(second.client.session?.id, 'ses_1', 'the open session as last known');
    assert.deepEqual(visible(second.client.messages()), [['Hello', 'sent', 1]]);
  });

  test('messages of one session go out one at a time, in the order they were typed', async () => {
    const hub = withSession();
    const answered: string[] = [];
    hub.handlers['message.send'] = (frame) => {
      answered.push(frame.text ?? '');
      assert.equal(
        hub.frames('message.send').length,
        answered.length,
        'the next message waits for the previous ack',
      );
      return { result: { message: hub.store(frame.sessionId, frame.clientId, frame, { kind: 'visitor', id: 'vis_1' }) } };
    };
    const { client, clock, connect } = visitorSetup({ hub });
    await connect();
    hub.link.drop();
    await settle();
    client.send('one');
    client.send('two');
    client.send('three');
    await advance(clock, 200);
    assert.deepEqual(answered, ['one', 'two', 'three']);
    assert.deepEqual(visible(client.messages()), [
      ['one', 'sent', 1],
      ['two', 'sent', 2],
      ['three', 'sent', 3],
    ]);
  });

  test('a message the hub refuses for good is failed with the error, and leaves the outbox', async () => {
    const hub = withSession();
    hub.handlers['message.send'] = () => ({ error: 'invalid_state', message: 'The chat has ended.' });
    const { client, storage, connect } = visitorSetup({ hub });
    await connect();
    const message = client.send('Anyone?');
    await settle();
    const [failed] = client.messages();
    assert.equal(failed?.clientId, message.clientId);
    assert.equal(failed?.delivery, 'failed');
    assert.ok(failed?.error instanceof ParleyError);
    assert.equal(failed?.error?.code, 'invalid_state');
    assert.equal((await storage.entries('v:site_1:outbox:')).length, 0);
    assert.equal(hub.frames('message.send').length, 1, 'not retried');
  });

  test('a transient refusal (rate_limited) keeps the message and sends it again later', async () => {
    const hub = withSession();
    let calls = 0;
    hub.handlers['message.send'] = (frame) =>
      ++calls === 1
        ? { error: 'rate_limited', message: 'slow down' }
        : { result: { message: hub.store(frame.sessionId, frame.clientId, frame, { kind: 'visitor', id: 'vis_1' }) } };
    const { client, clock, connect } = visitorSetup({ hub });
    await connect();
    client.send('Patience');
    await settle();
    assert.equal(client.messages()[0]?.delivery, 'sending');
    await advance(clock, 3_000);
    assert.equal(client.messages()[0]?.delivery, 'sent');
    const frames = hub.frames('message.send');
    assert.equal(frames.length, 2);
    assert.equal(frames[0]?.clientId, frames[1]?.clientId);
  });

  test('sending needs an open chat and some content', async () => {
    const { client, connect } = visitorSetup();
    await connect();
    const warn = console.warn;
    console.warn = () => {};
    try {
      assert.throws(() => client.send('hi'), { code: 'invalid_state' });
    } finally {
      console.warn = warn;
    }
    const withChat = visitorSetup({ hub: withSession() });
    await withChat.connect();
    assert.throws(() => withChat.client.send('   '), { code: 'bad_frame' });
    assert.throws(() => withChat.client.send({}), { code: 'bad_frame' });
  });
});

describe('storage trouble', () => {
  test('a storage that fails is reported once and the client works from memory', async () => {
    const broken: ClientStorage = {
      get: () => Promise.reject(new Error('quota')),
      set: () => Promise.reject(new Error('quota')),
      delete: () => Promise.reject(new Error('quota')),
      entries: () => Promise.reject(new Error('quota')),
    };
    const { client, hub, log, connect } = visitorSetup({ hub: withSession(), storage: broken });
    await connect();
    assert.equal(client.status, 'open');
    client.send('still works');
    client.send('twice');
    await settle();
    assert.deepEqual(visible(client.messages()), [
      ['still works', 'sent', 1],
      ['twice', 'sent', 2],
    ]);
    assert.deepEqual(
      log.of('error').map((e) => e.code),
      ['internal'],
    );
    assert.equal(hub.frames('message.send').length, 2);
  });
});
