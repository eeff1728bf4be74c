import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AGENT_DECODER, VISITOR_DECODER } from '../../../src/protocol/decode.js';
import {
  decodeAckResult,
  decodeAgentFrame,
  decodeClientFrame,
  decodeServerFrame,
  decodeVisitorFrame,
  encodeFrame,
  ERROR_CODES,
  LIMITS,
  type AckResults,
  type Decoded,
  type ErrorCode,
} from '../../../src/protocol/index.js';
import { CLIENT_FRAME_SCHEMAS } from '../../../src/protocol/schemas/client.js';
import {
  ACK_RESULT_SCHEMAS,
  AGENT_ACK_SCHEMAS,
  AGENT_FRAME_SCHEMAS,
  SERVER_FRAME_SCHEMAS,
  VISITOR_ACK_SCHEMAS,
  VISITOR_FRAME_SCHEMAS,
} from '../../../src/protocol/schemas/server.js';
import {
  ACK_RESULT_EXAMPLES,
  ALL_CLIENT_EXAMPLES,
  ALL_SERVER_EXAMPLES,
  CLIENT_EXAMPLES,
  fullMessage,
  MINIMAL_CLIENT_EXAMPLES,
  MINIMAL_SERVER_EXAMPLES,
  SERVER_EXAMPLES,
} from './examples.js';

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];

const x = (length: number) => 'x'.repeat(length);

/** The failure's code and ref are as expected, and the hub can put it in an `error` frame a client accepts. */
function assertFailure(result: Decoded<unknown>, code: ErrorCode, ref?: string): void {
  assert.equal(result.ok, false, `expected ${code}, got ${JSON.stringify(result).slice(0, 300)}`);
  if (result.ok) return;
  assert.equal(result.code, code, result.message);
  assert.equal(result.ref, ref, `ref of: ${result.message}`);
  const error = { type: 'error' as const, code: result.code, message: result.message, ...(ref && { ref }) };
  assert.equal(decodeServerFrame(encodeFrame(error)).ok, true, `error frame for: ${result.message}`);
}

function assertDecodes(result: Decoded<unknown>, expected: unknown): void {
  assert.equal(result.ok, true, result.ok ? '' : result.message);
  if (result.ok) assert.deepStrictEqual(result.value, expected);
}

const client = (frame: unknown) => decodeClientFrame(JSON.stringify(frame));
const server = (frame: unknown) => decodeServerFrame(JSON.stringify(frame));

/** Every path to a value inside `value` (not the root), except under `skip`. */
function paths(value: unknown, skip: (path: Path) => boolean, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return skip(path) ? [] : [path, ...paths(child, skip, path)];
  });
}

function setAt(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Json; // not structuredClone: it keeps shared references
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Json;
  const last = path[path.length - 1]!;
  parent[last] = replace(parent[last]);
  return copy;
}

/** A JSON value of another type than `value`. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 1;
  if (Array.isArray(value)) return 'list';
  return 'object';
}

const refOf = (frame: object) => ('ref' in frame && typeof frame.ref === 'string' ? frame.ref : undefined);

describe('example tables', () => {
  it('cover every client frame type', () => {
    assert.deepStrictEqual(Object.keys(CLIENT_EXAMPLES).sort(), Object.keys(CLIENT_FRAME_SCHEMAS).sort());
  });
  it('cover every server frame type', () => {
    assert.deepStrictEqual(Object.keys(SERVER_EXAMPLES).sort(), Object.keys(SERVER_FRAME_SCHEMAS).sort());
  });
  it('cover every ack result', () => {
    assert.deepStrictEqual(Object.keys(ACK_RESULT_EXAMPLES).sort(), Object.keys(ACK_RESULT_SCHEMAS).sort());
  });
});

describe('valid frames', () => {
  for (const frame of ALL_CLIENT_EXAMPLES) {
    it(`client ${frame.type} ${JSON.stringify(frame).slice(0, 60)} decodes and round-trips`, () => {
      assertDecodes(decodeClientFrame(encodeFrame(frame)), frame);
      if (!Object.hasOwn(SERVER_FRAME_SCHEMAS, frame.type)) {
        assertFailure(decodeServerFrame(encodeFrame(frame)), ERROR_CODES.unknownType, refOf(frame));
      }
    });
  }
  for (const frame of ALL_SERVER_EXAMPLES) {
    it(`server ${frame.type} ${JSON.stringify(frame).slice(0, 60)} decodes and round-trips`, () => {
      assertDecodes(decodeServerFrame(encodeFrame(frame)), frame);
    });
  }
  it("each role's decoder takes the frames sent to that role and refuses the other role's", () => {
    const roles = [
      { role: 'visitor', decode: decodeVisitorFrame, schemas: VISITOR_FRAME_SCHEMAS },
      { role: 'agent', decode: decodeAgentFrame, schemas: AGENT_FRAME_SCHEMAS },
    ] as const;
    for (const { role, decode, schemas } of roles) {
      for (const frame of ALL_SERVER_EXAMPLES) {
        const text = encodeFrame(frame);
        if (frame.type === 'welcome') {
          if (frame.role === role) assertDecodes(decode(text), frame);
          else assertFailure(decode(text), ERROR_CODES.badFrame);
        } else if (Object.hasOwn(schemas, frame.type)) {
          assertDecodes(decode(text), frame);
        } else {
          assertFailure(decode(text), ERROR_CODES.unknownType, refOf(frame));
        }
      }
    }
    // Every server frame type reaches at least one role.
    const reached = new Set([...Object.keys(VISITOR_FRAME_SCHEMAS), ...Object.keys(AGENT_FRAME_SCHEMAS)]);
    assert.deepStrictEqual([...reached].sort(), Object.keys(SERVER_FRAME_SCHEMAS).sort());
    assertFailure(decodeVisitorFrame(encodeFrame({ type: 'queue', sessions: [] })), ERROR_CODES.unknownType);
    assertFailure(decodeAgentFrame(encodeFrame({ type: 'page.push', url: 'https://example.com/' })), ERROR_CODES.unknownType);
  });
  it('decodes at exactly the size limit, padding included', () => {
    const text = encodeFrame({ type: 'typing', sessionId: 'ses_1', draft: 'hi' });
    assert.equal(decodeClientFrame(text.padEnd(LIMITS.frameChars, ' ')).ok, true);
  });
  it('drops unknown fields', () => {
    assertDecodes(client({ type: 'ping', t: 1, extra: { a: 1 } }), { type: 'ping', t: 1 });
    assertDecodes(client({ type: 'session.end', ref: 'r', sessionId: 's', fatal: true }), {
      type: 'session.end',
      ref: 'r',
      sessionId: 's',
    });
  });
});

describe('ack results', () => {
  for (const command of Object.keys(ACK_RESULT_EXAMPLES) as (keyof AckResults)[]) {
    const example = ACK_RESULT_EXAMPLES[command];
    it(`${command}: decodes its example and rejects wrong shapes`, () => {
      assertDecodes(decodeAckResult(command, JSON.parse(JSON.stringify(example))), example);
      for (const bad of [null, 'ok', 1]) assertFailure(decodeAckResult(command, bad), ERROR_CODES.badFrame);
      // valibot objects take arrays as objects; only a result with no required field decodes `[]` (as `{}`).
      if (command !== 'invite.answer') {
        assertFailure(decodeAckResult(command, {}), ERROR_CODES.badFrame);
        assertFailure(decodeAckResult(command, []), ERROR_CODES.badFrame);
      }
      for (const path of paths(example, () => false)) {
        const result = decodeAckResult(command, setAt(example, path, wrongType));
        // Values in string maps (fields, card) may be of any key; a wrong type still fails.
        assertFailure(result, ERROR_CODES.badFrame);
      }
    });
  }
  it("each role's results are the ones of the commands it sends, with the same schemas", () => {
    assert.deepStrictEqual(
      Object.keys(VISITOR_ACK_SCHEMAS).sort(),
      ['chat.request', 'invite.answer', 'message.send', 'offline.leave', 'session.end', 'session.history', 'session.rate'],
    );
    const both = { ...VISITOR_ACK_SCHEMAS, ...AGENT_ACK_SCHEMAS };
    assert.deepStrictEqual(Object.keys(both).sort(), Object.keys(ACK_RESULT_SCHEMAS).sort());
    for (const [decoder, schemas] of [
      [VISITOR_DECODER, VISITOR_ACK_SCHEMAS],
      [AGENT_DECODER, AGENT_ACK_SCHEMAS],
    ] as const) {
      for (const command of Object.keys(schemas) as (keyof typeof schemas)[]) {
        const example = ACK_RESULT_EXAMPLES[command];
        assertDecodes(decoder.ackResult(command, JSON.parse(JSON.stringify(example))), example);
        assertFailure(decoder.ackResult(command, 'ok'), ERROR_CODES.badFrame);
      }
      // Commands without a result schema are acked with anything; it is passed on as it is.
      assertDecodes(decoder.ackResult('presence.set', {}), {});
    }
  });
  it('invite.answer may carry no session (a declined invite)', () => {
    assertDecodes(decodeAckResult('invite.answer', {}), {});
  });
});

describe('not a frame', () => {
  it('rejects input that is not text', () => {
    for (const data of [undefined, null, 42, new Uint8Array([123, 125]), { type: 'ping', t: 1 }]) {
      assertFailure(decodeClientFrame(data), ERROR_CODES.badFrame);
      assertFailure(decodeServerFrame(data), ERROR_CODES.badFrame);
    }
  });
  it('rejects text that is not JSON', () => {
    for (const text of ['', ' ', '{', 'undefined', "{'type':'ping'}", '{"type":"ping","t":1}x', '{"type":"ping","t":NaN}']) {
      assertFailure(decodeClientFrame(text), ERROR_CODES.badFrame);
      assertFailure(decodeServerFrame(text), ERROR_CODES.badFrame);
    }
  });
  it('rejects JSON that is not an object', () => {
    for (const text of ['[]', '[{"type":"ping","t":1}]', '42', '-0', 'null', 'true', '"ping"']) {
      assertFailure(decodeClientFrame(text), ERROR_CODES.badFrame);
      assertFailure(decodeServerFrame(text), ERROR_CODES.badFrame);
    }
  });
  it('rejects a missing or non-string type, keeping the ref', () => {
    assertFailure(decodeClientFrame('{}'), ERROR_CODES.badFrame);
    for (const type of [undefined, null, 1, true, ['ping'], { type: 'ping' }]) {
      assertFailure(client({ type, ref: 'ref_1' }), ERROR_CODES.badFrame, 'ref_1');
      assertFailure(server({ type, ref: 'ref_1' }), ERROR_CODES.badFrame, 'ref_1');
    }
  });
  it('rejects an unknown type with unknown_type, keeping the ref', () => {
    for (const type of ['', 'PING', 'chat', 'message.sent', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      assertFailure(client({ type, ref: 'ref_1' }), ERROR_CODES.unknownType, 'ref_1');
      assertFailure(server({ type, ref: 'ref_1' }), ERROR_CODES.unknownType, 'ref_1');
    }
    assertFailure(client({ type: x(100_000) }), ERROR_CODES.unknownType);
  });
  it('rejects frames of the other direction with unknown_type', () => {
    for (const type of ['welcome', 'ack', 'pong', 'queue']) assertFailure(client({ type }), ERROR_CODES.unknownType);
    for (const type of ['hello', 'ping', 'message.send', 'session.accept']) {
      assertFailure(server({ type, ref: 'r' }), ERROR_CODES.unknownType, 'r');
    }
  });
});

describe('size', () => {
  const frame = { type: 'typing', sessionId: 'ses_1', draft: 'hi' };
  it('rejects a client frame over LIMITS.frameChars with frame_too_large, before parsing', () => {
    assertFailure(decodeClientFrame(encodeFrame(frame as never).padEnd(LIMITS.frameChars + 1)), ERROR_CODES.frameTooLarge);
    assertFailure(decodeClientFrame(x(LIMITS.frameChars + 1)), ERROR_CODES.frameTooLarge);
  });
  it('lets server frames be 16 times larger', () => {
    const text = encodeFrame({ type: 'pong', t: 1 });
    assert.equal(decodeServerFrame(text.padEnd(LIMITS.frameChars * 16)).ok, true);
    assertFailure(decodeServerFrame(text.padEnd(LIMITS.frameChars * 16 + 1)), ERROR_CODES.frameTooLarge);
  });
  it('takes a smaller limit', () => {
    assertFailure(decodeClientFrame(encodeFrame({ type: 'ping', t: 1 }), 10), ERROR_CODES.frameTooLarge);
  });
});

describe('fields', () => {
  const skipAckResult = (path: Path) => path[0] === 'result';
  const cases = [
    ...ALL_CLIENT_EXAMPLES.map((frame) => ({ frame, decode: client, side: 'client' })),
    ...ALL_SERVER_EXAMPLES.map((frame) => ({ frame, decode: server, side: 'server' })),
  ];
  it('rejects every field of every example set to a value of the wrong type', () => {
    for (const { frame, decode } of cases) {
      for (const path of paths(frame, skipAckResult)) {
        if (path[0] === 'type') continue;
        const ref = path[0] === 'ref' ? undefined : refOf(frame);
        const result = decode(setAt(frame, path, wrongType));
        assertFailure(result, ERROR_CODES.badFrame, ref);
        if (!result.ok) assert.match(result.message, new RegExp(`"${frame.type.replace('.', '\\.')}"`));
        if (!result.ok && path[0] !== 'role') assert.ok(result.message.includes(path.join('.')), result.message);
      }
    }
  });
  it('rejects every minimal example missing any of its fields', () => {
    const minimal = [
      ...MINIMAL_CLIENT_EXAMPLES.map((frame) => ({ frame: frame as unknown as Json, decode: client })),
      ...MINIMAL_SERVER_EXAMPLES.map((frame) => ({ frame: frame as unknown as Json, decode: server })),
    ];
    for (const { frame, decode } of minimal) {
      for (const key of Object.keys(frame)) {
        if (key === 'type') continue;
        const { [key]: _removed, ...rest } = frame;
        const ref = key === 'ref' ? undefined : refOf(frame);
        assertFailure(decode(rest), ERROR_CODES.badFrame, ref);
      }
    }
  });
  it('rejects missing nested fields', () => {
    const { lastSeq: _l, ...noLastSeq } = SERVER_EXAMPLES.session.minimal[0]!.session;
    assertFailure(server({ type: 'session', session: noLastSeq }), ERROR_CODES.badFrame);
    const { id: _i, ...noId } = fullMessage.attachments![0]!;
    assertFailure(
      client({ type: 'message.send', ref: 'r', sessionId: 's', clientId: 'c', attachments: [noId] }),
      ERROR_CODES.badFrame,
      'r',
    );
    assertFailure(
      client({ type: 'hello', v: 1, role: 'visitor', siteId: 's', member: { data: '{}' } }),
      ERROR_CODES.badFrame,
    );
  });
});

describe('limits', () => {
  const send = (fields: Json) => ({ type: 'message.send', ref: 'r', sessionId: 's', clientId: 'c', text: 'hi', ...fields });
  const attachment = fullMessage.attachments![0]!;
  const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
  const manyResume = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`ses_${i}`, i]));
  /** [what, frame at the limit (accepted), frame past it (refused)]. */
  const clientCases: [string, Json, Json][] = [
    ['message text', send({ text: x(LIMITS.messageText) }), send({ text: x(LIMITS.messageText + 1) })],
    ['draft', { type: 'typing', sessionId: 's', draft: x(LIMITS.draft) }, { type: 'typing', sessionId: 's', draft: x(LIMITS.draft + 1) }],
    ['page url', { type: 'page.view', url: x(LIMITS.url), title: '' }, { type: 'page.view', url: x(LIMITS.url + 1), title: '' }],
    ['page title', { type: 'page.view', url: 'u', title: x(LIMITS.title) }, { type: 'page.view', url: 'u', title: x(LIMITS.title + 1) }],
    ['referrer', { type: 'page.view', url: 'u', title: 't', referrer: x(LIMITS.url) }, { type: 'page.view', url: 'u', title: 't', referrer: x(LIMITS.url + 1) }],
    ['session id', send({ sessionId: x(LIMITS.id) }), send({ sessionId: x(LIMITS.id + 1) })],
    ['client id', send({ clientId: x(LIMITS.id) }), send({ clientId: x(LIMITS.id + 1) })],
    ['empty client id', send({ clientId: 'c' }), send({ clientId: '' })],
    ['attachments', send({ attachments: Array(LIMITS.attachments).fill(attachment) }), send({ attachments: Array(LIMITS.attachments + 1).fill(attachment) })],
    ['attachment name', send({ attachments: [{ ...attachment, name: x(LIMITS.shortText) }] }), send({ attachments: [{ ...attachment, name: x(LIMITS.shortText + 1) }] })],
    ['attachment size', send({ attachments: [{ ...attachment, size: 0 }] }), send({ attachments: [{ ...attachment, size: -1 }] })],
    ['form field name', { type: 'chat.request', ref: 'r', fields: { [x(LIMITS.shortText)]: 'v' } }, { type: 'chat.request', ref: 'r', fields: { [x(LIMITS.shortText + 1)]: 'v' } }],
    ['form field value', { type: 'chat.request', ref: 'r', fields: { k: x(LIMITS.longText) } }, { type: 'chat.request', ref: 'r', fields: { k: x(LIMITS.longText + 1) } }],
    ['form fields', { type: 'offline.leave', ref: 'r', fields: manyKeys(LIMITS.formFields) }, { type: 'offline.leave', ref: 'r', fields: manyKeys(LIMITS.formFields + 1) }],
    ['card fields', { type: 'visitor.card', ref: 'r', visitorId: 'v', card: manyKeys(LIMITS.formFields) }, { type: 'visitor.card', ref: 'r', visitorId: 'v', card: manyKeys(LIMITS.formFields + 1) }],
    ['rating high', { type: 'session.rate', ref: 'r', sessionId: 's', score: 5 }, { type: 'session.rate', ref: 'r', sessionId: 's', score: 6 }],
    ['rating low', { type: 'session.rate', ref: 'r', sessionId: 's', score: 1 }, { type: 'session.rate', ref: 'r', sessionId: 's', score: 0 }],
    ['rating whole', { type: 'session.rate', ref: 'r', sessionId: 's', score: 3 }, { type: 'session.rate', ref: 'r', sessionId: 's', score: 3.5 }],
    ['rating comment', { type: 'session.rate', ref: 'r', sessionId: 's', score: 3, comment: x(LIMITS.longText) }, { type: 'session.rate', ref: 'r', sessionId: 's', score: 3, comment: x(LIMITS.longText + 1) }],
    ['history page', { type: 'session.history', ref: 'r', sessionId: 's', limit: LIMITS.historyPage }, { type: 'session.history', ref: 'r', sessionId: 's', limit: LIMITS.historyPage + 1 }],
    ['history page low', { type: 'session.history', ref: 'r', sessionId: 's', limit: 1 }, { type: 'session.history', ref: 'r', sessionId: 's', limit: 0 }],
    ['history seq', { type: 'session.history', ref: 'r', sessionId: 's', beforeSeq: 0 }, { type: 'session.history', ref: 'r', sessionId: 's', beforeSeq: -1 }],
    ['read seq', { type: 'message.read', sessionId: 's', seq: 0 }, { type: 'message.read', sessionId: 's', seq: 0.5 }],
    ['invite message', { type: 'invite.send', ref: 'r', visitorId: 'v', proactive: true, message: x(LIMITS.longText) }, { type: 'invite.send', ref: 'r', visitorId: 'v', proactive: true, message: x(LIMITS.longText + 1) }],
    ['transfer note', { type: 'transfer.offer', ref: 'r', sessionId: 's', toAgentId: 'a', note: x(LIMITS.longText) }, { type: 'transfer.offer', ref: 'r', sessionId: 's', toAgentId: 'a', note: x(LIMITS.longText + 1) }],
    ['push url', { type: 'page.push', ref: 'r', visitorId: 'v', url: x(LIMITS.url) }, { type: 'page.push', ref: 'r', visitorId: 'v', url: x(LIMITS.url + 1) }],
    ['evaluation notes', { type: 'session.evaluate', ref: 'r', sessionId: 's', evaluation: { notes: x(LIMITS.longText) } }, { type: 'session.evaluate', ref: 'r', sessionId: 's', evaluation: { notes: x(LIMITS.longText + 1) } }],
    ['hello version', { type: 'hello', v: 0, role: 'agent', token: 't' }, { type: 'hello', v: -1, role: 'agent', token: 't' }],
    ['agent token', { type: 'hello', v: 1, role: 'agent', token: x(LIMITS.longText) }, { type: 'hello', v: 1, role: 'agent', token: x(LIMITS.longText + 1) }],
    ['empty agent token', { type: 'hello', v: 1, role: 'agent', token: 't' }, { type: 'hello', v: 1, role: 'agent', token: '' }],
    ['site id', { type: 'hello', v: 1, role: 'visitor', siteId: x(LIMITS.id) }, { type: 'hello', v: 1, role: 'visitor', siteId: '' }],
    ['resume sessions', { type: 'hello', v: 1, role: 'agent', token: 't', resume: manyResume(100) }, { type: 'hello', v: 1, role: 'agent', token: 't', resume: manyResume(101) }],
    ['resume seq', { type: 'hello', v: 1, role: 'agent', token: 't', resume: { s: 0 } }, { type: 'hello', v: 1, role: 'agent', token: 't', resume: { s: -1 } }],
    ['member signature', { type: 'hello', v: 1, role: 'visitor', siteId: 's', member: { data: '{}', signature: 'F'.repeat(64) } }, { type: 'hello', v: 1, role: 'visitor', siteId: 's', member: { data: '{}', signature: 'g'.repeat(64) } }],
  ];
  for (const [what, ok, bad] of clientCases) {
    it(`client: ${what}`, () => {
      assert.equal(client(ok).ok, true, `${what} at the limit: ${JSON.stringify(client(ok)).slice(0, 200)}`);
      assertFailure(client(bad), ERROR_CODES.badFrame, refOf(bad));
    });
  }
  const error = (fields: Json) => ({ type: 'error', code: 'internal', message: 'm', ...fields });
  const serverCases: [string, Json, Json][] = [
    ['error message', error({ message: x(LIMITS.longText) }), error({ message: x(LIMITS.longText + 1) })],
    ['error code', error({ code: 'rate_limited' }), error({ code: 'teapot' })],
    ['error ref', error({ ref: 'r' }), error({ ref: '' })],
    ['typing draft', { type: 'typing', sessionId: 's', side: 'visitor', active: true, draft: x(LIMITS.draft) }, { type: 'typing', sessionId: 's', side: 'visitor', active: true, draft: x(LIMITS.draft + 1) }],
    ['page push url', { type: 'page.push', url: x(LIMITS.url) }, { type: 'page.push', url: x(LIMITS.url + 1) }],
    ['ack ref', { type: 'ack', ref: x(LIMITS.id), result: {} }, { type: 'ack', ref: x(LIMITS.id + 1), result: {} }],
    ['pong time', { type: 'pong', t: -1.5 }, { type: 'pong', t: 'now' }],
  ];
  for (const [what, ok, bad] of serverCases) {
    it(`server: ${what}`, () => {
      assert.equal(server(ok).ok, true, what);
      const ref = typeof bad.ref === 'string' && bad.ref.length > 0 && bad.ref.length <= LIMITS.id ? bad.ref : undefined;
      assertFailure(server(bad), ERROR_CODES.badFrame, ref);
    });
  }
  it('rejects infinite numbers written as 1e999', () => {
    assertFailure(decodeClientFrame('{"type":"ping","t":1e999}'), ERROR_CODES.badFrame);
    assertFailure(decodeClientFrame('{"type":"message.read","sessionId":"s","seq":1e999}'), ERROR_CODES.badFrame);
    assertFailure(decodeServerFrame('{"type":"read","sessionId":"s","side":"agent","seq":-1e999}'), ERROR_CODES.badFrame);
  });
  it('keeps failure messages short however long the offending value', () => {
    for (const frame of [
      { type: 'presence.set', ref: 'r', status: x(100_000) },
      { type: 'hello', v: 1, role: x(100_000), token: 't' },
      { type: 'chat.request', ref: 'r', fields: { [x(100_000)]: 'v' } },
    ]) {
      const result = client(frame);
      assertFailure(result, ERROR_CODES.badFrame, refOf(frame));
      assert.ok(!result.ok && result.message.length <= LIMITS.shortText);
    }
  });
});

describe('refs', () => {
  it('returns the ref of a frame that fails, so the hub can answer the command', () => {
    assertFailure(client({ type: 'session.end', ref: 'ref_1', sessionId: 7 }), ERROR_CODES.badFrame, 'ref_1');
    assertFailure(client({ type: 'nope', ref: 'ref_1' }), ERROR_CODES.unknownType, 'ref_1');
  });
  it('accepts a ref of LIMITS.id characters and returns no ref past it', () => {
    assert.equal(client({ type: 'session.end', ref: x(LIMITS.id), sessionId: 's' }).ok, true);
    assertFailure(client({ type: 'session.end', ref: x(LIMITS.id + 1), sessionId: 's' }), ERROR_CODES.badFrame);
    assertFailure(client({ type: 'nope', ref: x(LIMITS.id + 1) }), ERROR_CODES.unknownType);
    assertFailure(client({ type: 'nope', ref: x(LIMITS.frameChars - 100) }), ERROR_CODES.unknownType);
  });
  it('returns no ref that is empty or not a string', () => {
    for (const ref of ['', 1, null, ['r'], { ref: 'r' }]) {
      assertFailure(client({ type: 'session.end', ref, sessionId: 's' }), ERROR_CODES.badFrame);
      assertFailure(client({ type: 'nope', ref }), ERROR_CODES.unknownType);
    }
  });
  it('reads no ref from text that is too large or not JSON', () => {
    assertFailure(decodeClientFrame(`{"type":"nope","ref":"r"}`.padEnd(LIMITS.frameChars + 1)), ERROR_CODES.frameTooLarge);
    assertFailure(decodeClientFrame(`{"type":"nope","ref":"r"`), ERROR_CODES.badFrame);
  });
});

describe('message.send and transfer.offer rules', () => {
  const base = { type: 'message.send', ref: 'r', sessionId: 's', clientId: 'c' };
  const attachment = fullMessage.attachments![0]!;
  it('needs text or attachments', () => {
    assertFailure(client(base), ERROR_CODES.badFrame, 'r');
    assertFailure(client({ ...base, text: '' }), ERROR_CODES.badFrame, 'r');
    assertFailure(client({ ...base, text: ' \n\t ' }), ERROR_CODES.badFrame, 'r');
    assertFailure(client({ ...base, attachments: [] }), ERROR_CODES.badFrame, 'r');
    assertFailure(client({ ...base, text: '', attachments: [] }), ERROR_CODES.badFrame, 'r');
    assert.equal(client({ ...base, text: '', attachments: [attachment] }).ok, true);
    assert.equal(client({ ...base, text: ' a ' }).ok, true);
  });
  it('transfers to exactly one of an agent or a group', () => {
    const offer = { type: 'transfer.offer', ref: 'r', sessionId: 's' };
    assertFailure(client(offer), ERROR_CODES.badFrame, 'r');
    assertFailure(client({ ...offer, toAgentId: 'agt_2', toGroupId: 'grp_1' }), ERROR_CODES.badFrame, 'r');
    assertFailure(client({ ...offer, toAgentId: '' }), ERROR_CODES.badFrame, 'r');
    assert.equal(client({ ...offer, toAgentId: 'agt_2' }).ok, true);
    assert.equal(client({ ...offer, toGroupId: 'grp_1' }).ok, true);
  });
});

describe('hostile keys and nesting', () => {
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const before = prototypeKeys();
  it('rejects __proto__, constructor and prototype as map keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const k = JSON.stringify(key);
      assertFailure(decodeClientFrame(`{"type":"chat.request","ref":"r","fields":{${k}:"x"}}`), ERROR_CODES.badFrame, 'r');
      assertFailure(decodeClientFrame(`{"type":"offline.leave","ref":"r","fields":{"a":"b",${k}:"x"}}`), ERROR_CODES.badFrame, 'r');
      assertFailure(decodeClientFrame(`{"type":"visitor.card","ref":"r","visitorId":"v","card":{${k}:"x"}}`), ERROR_CODES.badFrame, 'r');
      assertFailure(decodeClientFrame(`{"type":"hello","v":1,"role":"agent","token":"t","resume":{${k}:1}}`), ERROR_CODES.badFrame);
      assertFailure(decodeClientFrame(`{"type":"hello","v":1,"role":"agent","token":"t","resume":{${k}:{"polluted":1}}}`), ERROR_CODES.badFrame);
    }
  });
  it('rejects arrays where a map is expected', () => {
    assertFailure(client({ type: 'chat.request', ref: 'r', fields: ['a'] }), ERROR_CODES.badFrame, 'r');
    assertFailure(client({ type: 'hello', v: 1, role: 'agent', token: 't', resume: [1] }), ERROR_CODES.badFrame);
  });
  it('drops __proto__ and constructor where they are unknown fields, polluting nothing', () => {
    const top = decodeClientFrame('{"type":"ping","t":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    assertDecodes(top, { type: 'ping', t: 1 });
    const nested = decodeClientFrame(
      '{"type":"session.evaluate","ref":"r","sessionId":"s","evaluation":{"__proto__":{"topic":"x"},"topic":"t"}}',
    );
    assertDecodes(nested, { type: 'session.evaluate', ref: 'r', sessionId: 's', evaluation: { topic: 't' } });
    for (const result of [top, nested]) {
      assert.ok(result.ok && Object.getPrototypeOf(result.value) === Object.prototype);
      assert.ok(result.ok && !Object.hasOwn(result.value, '__proto__'));
    }
    assert.equal((({}) as Json).polluted, undefined);
    assert.deepStrictEqual(prototypeKeys(), before);
  });
  const nest = (depth: number, leaf: string) => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
  it(`rejects frames nested deeper than LIMITS.depth (${LIMITS.depth})`, () => {
    // The frame is level 1 and `result` level 2, so `LIMITS.depth - 2` more objects fit.
    assert.equal(decodeServerFrame(`{"type":"ack","ref":"r","result":${nest(LIMITS.depth - 2, '{}')}}`).ok, true);
    assertFailure(decodeServerFrame(`{"type":"ack","ref":"r","result":${nest(LIMITS.depth - 1, '{}')}}`), ERROR_CODES.badFrame, 'r');
    assertFailure(decodeClientFrame(`{"type":"chat.request","ref":"r","fields":${nest(40, '"x"')}}`), ERROR_CODES.badFrame, 'r');
  });
  it('survives nesting as deep as the size limit allows', () => {
    const depth = LIMITS.frameChars / 2 - 20;
    assertFailure(decodeClientFrame(`{"type":"ping","t":${'['.repeat(depth)}${']'.repeat(depth)}}`), ERROR_CODES.badFrame);
    const serverDepth = (LIMITS.frameChars * 16) / 2 - 40;
    const deep = `{"type":"ack","ref":"r","result":{"a":${'['.repeat(serverDepth)}${']'.repeat(serverDepth)}}}`;
    assertFailure(decodeServerFrame(deep), ERROR_CODES.badFrame, 'r');
    assertFailure(decodeServerFrame(`{"type":"ack","ref":"r","result":{"a":${'['.repeat(serverDepth)}}}`), ERROR_CODES.badFrame);
  });
});
