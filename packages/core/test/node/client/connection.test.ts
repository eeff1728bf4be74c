import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Connection, type ConnectionDelegate } from '../../../src/client/connection.js';
import { backoffBound } from '../../../src/client/backoff.js';
import { ANY_ROLE_DECODER } from '../../../src/protocol/decode.js';
import {
  CLOSE_CODES,
  createFakeClock,
  ParleyError,
  PROTOCOL_VERSION,
  type ConnectionStatus,
  type ServerFrame,
} from '../../../src/index.js';
import { FakeHub, type FakeHubOptions } from './support/fake-hub.js';
import { agentWelcome, sessionInfo } from './support/fixtures.js';
import { advance, settle } from './support/settle.js';

function setup(options: { hub?: FakeHubOptions; random?: () => number; delegate?: Partial<ConnectionDelegate> } = {}) {
  const clock = createFakeClock();
  const hub = new FakeHub(options.hub);
  const log = {
    statuses: [] as ConnectionStatus[],
    errors: [] as ParleyError[],
    frames: [] as ServerFrame[],
    welcomes: 0,
    downs: 0,
  };
  const connection = new Connection(
    // The fake hub sends frames of both roles to this one connection.
    { transport: hub.factory, clock, decoder: ANY_ROLE_DECODER, random: options.random ?? (() => 0.5) },
    {
      hello: () => ({ type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: 'tok' }),
      welcome: () => void log.welcomes++,
      frame: (frame) => void log.frames.push(frame),
      status: (status) => void log.statuses.push(status),
      error: (error) => void log.errors.push(error),
      down: () => void log.downs++,
      ...options.delegate,
    },
  );
  return { clock, hub, connection, log };
}

describe('Connection: handshake', () => {
  test('opens a transport, sends hello, and is open once welcomed', async () => {
    const { hub, connection, log } = setup();
    assert.equal(connection.status, 'idle');
    connection.connect();
    assert.equal(connection.status, 'connecting');
    await settle();
    assert.equal(connection.status, 'open');
    assert.deepEqual(log.statuses, ['connecting', 'open']);
    assert.equal(log.welcomes, 1);
    assert.deepEqual(hub.link.received[0], { type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: 'tok' });
    assert.deepEqual(hub.invalid, []);
  });

  test('retries when no welcome comes within the connect timeout', async () => {
    const { clock, hub, connection, log } = setup({ hub: { welcome: () => undefined }, random: () => 0 });
    connection.connect();
    await settle();
    assert.equal(connection.stateName, 'handshaking');
    await advance(clock, 9_999);
    assert.equal(hub.links.length, 1);
    await advance(clock, 1);
    assert.ok(hub.links[0]?.isClosed, 'the silent link is closed');
    assert.equal(hub.links.length, 2, 'a jitter of 0 retries at once');
    assert.equal(connection.status, 'connecting', 'never open yet: still connecting, not reconnecting');
    assert.equal(log.welcomes, 0);
  });

  test('a transport that never opens is given up after the same timeout', async () => {
    const { clock, hub, connection } = setup({ hub: { autoOpen: false }, random: () => 0 });
    connection.connect();
    await advance(clock, 10_000);
    assert.equal(hub.links.length, 2);
    assert.equal(connection.stateName, 'connecting');
  });
});

describe('Connection: heartbeat', () => {
  test('pings every 25 s and stays open while pongs come back', async () => {
    const { clock, hub, connection } = setup();
    connection.connect();
    await settle();
    await advance(clock, 25_000);
    assert.equal(hub.link.frames('ping').length, 1);
    await advance(clock, 25_000);
    await advance(clock, 25_000);
    assert.equal(hub.link.frames('ping').length, 3);
    assert.equal(connection.status, 'open');
    assert.equal(hub.links.length, 1);
  });

  test('a link with no answer to a ping is dead: closed with 4010 and reconnected', async () => {
    const { clock, hub, connection, log } = setup({ hub: { autoPong: false }, random: () => 0 });
    connection.connect();
    await settle();
    await advance(clock, 25_000);
    await advance(clock, 9_999);
    assert.equal(connection.status, 'open');
    await advance(clock, 1);
    assert.equal(hub.links[0]?.closedByClient?.code, CLOSE_CODES.heartbeatTimeout);
    assert.equal(log.downs, 1);
    assert.deepEqual(log.statuses, ['connecting', 'open', 'reconnecting', 'open']);
    assert.equal(hub.links.length, 2);
  });

  test('any frame after the ping proves the link alive', async () => {
    const { clock, hub, connection } = setup({ hub: { autoPong: false } });
    connection.connect();
    await settle();
    await advance(clock, 25_000);
    hub.link.send({ type: 'availability', status: 'online' });
    await advance(clock, 9_000);
    await advance(clock, 5_000);
    assert.equal(connection.status, 'open');
    assert.equal(hub.links.length, 1);
  });
});

describe('Connection: back-off', () => {
  test('delays grow exponentially, each within its full-jitter bound, capped at 30 s', async () => {
    const clock = createFakeClock();
    const hub = new FakeHub({ welcome: (_, link) => void link.drop() });
    const at: number[] = [];
    const factory = hub.factory;
    const random = () => 0.999;
    const connection = new Connection(
      {
        transport: () => {
          at.push(clock.now());
          return factory();
        },
        clock,
        decoder: ANY_ROLE_DECODER,
        random,
      },
      {
        hello: () => ({ type: 'hello', v: PROTOCOL_VERSION, role: 'agent', token: 'tok' }),
        welcome: () => {},
        frame: () => {},
        status: () => {},
        error: () => {},
      },
    );
    connection.connect();
    await settle();
    while (at.length < 12) await advance(clock, 100);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    gaps.forEach((gap, attempt) => {
      const bound = backoffBound(attempt, 250, 30_000);
      assert.ok(gap <= bound, `gap ${gap} of attempt ${attempt} is within its bound ${bound}`);
      assert.equal(gap, Math.floor(0.999 * bound), `attempt ${attempt} waits 0.999 × its bound ${bound}`);
    });
    assert.ok((gaps[3] ?? 0) > (gaps[2] ?? 0) && (gaps[2] ?? 0) > (gaps[1] ?? 0), 'growing');
    assert.ok((gaps.at(-1) ?? 0) <= 30_000 && (gaps.at(-1) ?? 0) > 29_000, 'capped at 30 s');
    connection.close();
  });

  test('jitter spreads retries anywhere in [0, bound): random 0 retries at once', async () => {
    let attempts = 0;
    const { clock, hub, connection } = setup({
      random: () => 0,
      hub: { welcome: (_, link) => (++attempts < 5 ? void link.drop() : agentWelcome()) },
    });
    connection.connect();
    await advance(clock, 0);
    assert.equal(hub.links.length, 5, 'four failed attempts without time passing');
    assert.equal(connection.status, 'open');
  });

  test('a welcome resets the back-off', async () => {
    let dropAfterWelcome = false;
    const { clock, hub, connection } = setup({
      random: () => 0.999,
      hub: {
        welcome: (_, link) => {
          if (dropAfterWelcome) return agentWelcome();
          link.drop();
          return undefined;
        },
      },
    });
    connection.connect();
    await settle();
    // Fail four times: the bound reaches 250 · 2^4 = 4 s.
    while (hub.links.length < 5) await advance(clock, 100);
    dropAfterWelcome = true;
    await advance(clock, 5_000);
    assert.equal(connection.status, 'open');
    const links = hub.links.length;
    hub.link.drop();
    await advance(clock, 249);
    assert.equal(hub.links.length, links + 1, 'the first retry after a welcome waits < 250 ms again');
  });

  test('close code 4008 (rate limited) backs off longer', async () => {
    const { clock, hub, connection } = setup({ random: () => 0.999 });
    connection.connect();
    await settle();
    hub.link.drop(CLOSE_CODES.rateLimited, 'slow down');
    await advance(clock, 5_000);
    assert.equal(hub.links.length, 1, 'not within 5 s');
    await advance(clock, 3_000);
    assert.equal(hub.links.length, 2, 'after 0.999 × 250 · 2^5 ≈ 8 s');
  });

  test('connect() while waiting retries at once (network came back)', async () => {
    const { clock, hub, connection } = setup({ random: () => 0.999 });
    connection.connect();
    await settle();
    hub.link.drop();
    await settle();
    assert.equal(connection.stateName, 'waiting');
    connection.connect();
    await settle();
    assert.equal(connection.status, 'open');
    assert.equal(hub.links.length, 2);
    void clock;
  });
});

describe('Connection: refusals', () => {
  test('auth_failed: closed for good, with an error, no reconnect', async () => {
    const { clock, hub, connection, log } = setup({
      hub: { welcome: () => ({ type: 'error', code: 'auth_failed', message: 'bad token', fatal: true }) },
    });
    connection.connect();
    await settle();
    assert.equal(connection.status, 'closed');
    assert.equal(log.errors[0]?.code, 'auth_failed');
    await advance(clock, 10 * 60_000);
    assert.equal(hub.links.length, 1);
    assert.ok(hub.link.isClosed);
  });

  for (const [code, expected] of [
    [CLOSE_CODES.authFailed, 'auth_failed'],
    [CLOSE_CODES.protocolVersion, 'protocol_version'],
  ] as const) {
    test(`close code ${code}: closed for good with ${expected}`, async () => {
      const { clock, hub, connection, log } = setup({ hub: { welcome: (_, link) => void link.drop(code, 'no') } });
      connection.connect();
      await settle();
      assert.equal(connection.status, 'closed');
      assert.equal(log.errors.at(-1)?.code, expected);
      await advance(clock, 10 * 60_000);
      assert.equal(hub.links.length, 1);
    });
  }

  test('protocol_version error frame after welcome also closes for good', async () => {
    const { clock, hub, connection, log } = setup();
    connection.connect();
    await settle();
    hub.link.send({ type: 'error', code: 'protocol_version', message: 'v2 only', fatal: true });
    await settle();
    assert.equal(connection.status, 'closed');
    assert.equal(log.errors.at(-1)?.code, 'protocol_version');
    await advance(clock, 60_000);
    assert.equal(hub.links.length, 1);
  });

  test('the owner may retry a refused hello once (e.g. without a stale token)', async () => {
    let retries = 0;
    const { hub, connection } = setup({
      hub: { welcome: () => ({ type: 'error', code: 'auth_failed', message: 'no', fatal: true }) },
      delegate: { retryRejected: () => (retries++, true) },
    });
    connection.connect();
    await settle();
    assert.equal(retries, 1, 'asked once');
    assert.equal(hub.links.length, 2);
    assert.equal(connection.status, 'closed', 'the second refusal is final');
  });

  test('a fatal error that is not about credentials reconnects', async () => {
    const { clock, hub, connection, log } = setup({ random: () => 0 });
    connection.connect();
    await settle();
    hub.link.send({ type: 'error', code: 'internal', message: 'oops', fatal: true });
    await advance(clock, 0);
    assert.equal(log.errors.at(-1)?.code, 'internal');
    assert.equal(hub.links.length, 2);
    assert.equal(connection.status, 'open');
  });

  test('close() stops everything; connect() starts again', async () => {
    const { clock, hub, connection, log } = setup();
    connection.connect();
    await settle();
    connection.close();
    await settle();
    assert.equal(connection.status, 'closed');
    assert.ok(hub.link.isClosed);
    await advance(clock, 60_000);
    assert.equal(hub.links.length, 1);
    connection.connect();
    await settle();
    assert.equal(connection.status, 'open');
    assert.deepEqual(log.statuses, ['connecting', 'open', 'closed', 'connecting', 'open']);
  });
});

describe('Connection: requests', () => {
  test('resolves with the checked ack result', async () => {
    const session = sessionInfo();
    const { hub, connection } = setup({ hub: { handlers: { 'session.accept': () => ({ result: { session } }) } } });
    connection.connect();
    await settle();
    const result = await connection.request({ type: 'session.accept', sessionId: 'ses_1' });
    assert.deepEqual(result.session, session);
    assert.equal(typeof hub.link.frames('session.accept')[0]?.ref, 'string');
  });

  test('rejects with a ParleyError carrying the error frame code and the command', async () => {
    const { connection } = setup({ hub: { handlers: { 'session.accept': () => ({ error: 'forbidden', message: 'not yours' }) } } });
    connection.connect();
    await settle();
    await assert.rejects(connection.request({ type: 'session.accept', sessionId: 'ses_1' }), (error: unknown) => {
      assert.ok(error instanceof ParleyError);
      assert.equal(error.code, 'forbidden');
      assert.equal(error.message, 'not yours');
      assert.equal(error.command, 'session.accept');
      return true;
    });
  });

  test('an ack whose result does not match the command is refused as bad_frame', async () => {
    const { connection } = setup({
      hub: { handlers: { 'session.accept': () => ({ result: { session: { id: 1 } } as never }) } },
    });
    connection.connect();
    await settle();
    await assert.rejects(connection.request({ type: 'session.accept', sessionId: 'ses_1' }), { code: 'bad_frame' });
  });

  test('times out with code timeout when the hub does not answer', async () => {
    const { clock, connection } = setup({ hub: { handlers: { 'session.accept': () => 'silent' } } });
    connection.connect();
    await settle();
    const pending = connection.request({ type: 'session.accept', sessionId: 'ses_1' });
    const outcome = pending.then(
      () => 'resolved',
      (error: ParleyError) => error.code,
    );
    await advance(clock, 14_999);
    await advance(clock, 1);
    assert.equal(await outcome, 'timeout');
  });

  test('commands made while disconnected wait for the welcome', async () => {
    const { clock, hub, connection } = setup({ random: () => 0.999 });
    const result = connection.request({ type: 'presence.set', status: 'busy' });
    connection.connect();
    await settle();
    assert.deepEqual(await result, {});
    hub.link.drop();
    await settle();
    const later = connection.request({ type: 'presence.set', status: 'away' });
    assert.equal(hub.frames('presence.set').length, 1, 'not sent while waiting');
    await advance(clock, 300);
    assert.deepEqual(await later, {});
    assert.equal(hub.links[1]?.frames('presence.set').length, 1);
  });

  test('a command in flight when the link drops fails with timeout, and is not sent again', async () => {
    const { clock, hub, connection } = setup({ random: () => 0, hub: { handlers: { 'session.end': () => 'silent' } } });
    connection.connect();
    await settle();
    const pending = connection.request({ type: 'session.end', sessionId: 'ses_1' }).catch((e: ParleyError) => e.code);
    await settle();
    hub.link.drop();
    assert.equal(await pending, 'timeout');
    await advance(clock, 0);
    assert.equal(connection.status, 'open');
    assert.equal(hub.frames('session.end').length, 1);
  });

  test('close() fails waiting commands with closed; later ones fail at once', async () => {
    const { connection } = setup();
    const waiting = connection.request({ type: 'presence.set', status: 'busy' });
    connection.close();
    await assert.rejects(waiting, { code: 'closed' });
    await assert.rejects(connection.request({ type: 'presence.set', status: 'busy' }), { code: 'closed' });
  });
});

describe('Connection: what the hub sends', () => {
  test('bad frames are reported and ignored; the connection carries on', async () => {
    const { hub, connection, log } = setup();
    connection.connect();
    await settle();
    hub.link.sendRaw('not json');
    hub.link.sendRaw('{"type":"party"}');
    hub.link.sendRaw('{"type":"availability","status":"maybe"}');
    hub.link.sendRaw(42);
    hub.link.send({ type: 'availability', status: 'busy' });
    await settle();
    assert.deepEqual(
      log.errors.map((e) => e.code),
      ['bad_frame', 'unknown_type', 'bad_frame', 'bad_frame'],
    );
    assert.deepEqual(log.frames, [{ type: 'availability', status: 'busy' }]);
    assert.equal(connection.status, 'open');
  });

  test('a non-fatal error without ref is reported and the link stays', async () => {
    const { hub, connection, log } = setup();
    connection.connect();
    await settle();
    hub.link.send({ type: 'error', code: 'rate_limited', message: 'easy' });
    await settle();
    assert.equal(log.errors[0]?.code, 'rate_limited');
    assert.equal(connection.status, 'open');
    assert.equal(hub.links.length, 1);
  });

  test('an exception in the owner does not break the transport or later frames', async () => {
    const seen: string[] = [];
    const { hub, connection } = setup({
      delegate: {
        frame: (frame) => {
          seen.push(frame.type);
          if (frame.type === 'availability') throw new Error('boom');
        },
      },
    });
    const error = console.error;
    console.error = () => {};
    try {
      connection.connect();
      await settle();
      hub.link.send({ type: 'availability', status: 'busy' });
      hub.link.send({ type: 'queue', sessions: [] });
      await settle();
    } finally {
      console.error = error;
    }
    assert.deepEqual(seen, ['availability', 'queue']);
    assert.equal(connection.status, 'open');
  });
});
