/**
 * Property tests of the decoders: whatever text arrives, they never throw;
 * they return a frame that survives re-encoding, or a failure with a stable
 * code that the hub can send back in an `error` frame. PARLEY_FUZZ_RUNS sets
 * the runs per property (default 10,000); a failure prints its seed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';

import {
  decodeAckResult,
  decodeClientFrame,
  decodeServerFrame,
  encodeFrame,
  ERROR_CODES,
  LIMITS,
  type AckResults,
  type Decoded,
} from '../../../src/protocol/index.js';
import { anyText, arbitraries, mutatedClientFrame, mutatedServerFrame } from './arbitraries.js';

const RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 10_000);
const CODES = new Set<string>(Object.values(ERROR_CODES));
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).join();

type Decode = (data: unknown) => Decoded<object>;

/** The decoder's contract for one input text. */
function checkDecode(decode: Decode, text: string): void {
  const result = decode(text);
  if (result.ok) {
    assert.equal(Object.getPrototypeOf(result.value), Object.prototype);
    const once = encodeFrame(result.value as never);
    const again = decode(once);
    assert.ok(again.ok, `re-decoding failed: ${again.ok ? '' : again.message}`);
    assert.deepStrictEqual(again.value, JSON.parse(once));
    assert.equal(encodeFrame(again.value as never), once);
  } else {
    assert.ok(CODES.has(result.code), `unknown code ${result.code}`);
    assert.equal(typeof result.message, 'string');
    assert.ok(result.message.length > 0 && result.message.length <= LIMITS.shortText, result.message);
    if (result.ref !== undefined) {
      assert.ok(result.ref.length > 0 && result.ref.length <= LIMITS.id);
      assert.equal((JSON.parse(text) as { ref?: unknown }).ref, result.ref);
    }
    // The hub answers with an error frame; the client must be able to read it.
    const error = { type: 'error' as const, code: result.code, message: result.message, ...(result.ref && { ref: result.ref }) };
    const echoed = decodeServerFrame(encodeFrame(error));
    assert.ok(echoed.ok, `error frame rejected: ${echoed.ok ? '' : echoed.message}`);
  }
  assert.equal(Object.getOwnPropertyNames(Object.prototype).join(), PROTOTYPE_KEYS, 'Object.prototype changed');
}

const both = (text: string) => {
  checkDecode(decodeClientFrame, text);
  checkDecode(decodeServerFrame, text);
};

describe('decoder fuzz', () => {
  it('any text: never throws, ok frames round-trip, failures carry a stable code', () => {
    fc.assert(fc.property(anyText, both), { numRuns: RUNS });
  });

  it('any JSON value: same contract', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => both(JSON.stringify(value))), { numRuns: RUNS });
  });

  it('mutated client frames: same contract for the hub', () => {
    fc.assert(
      fc.property(mutatedClientFrame, ({ text }) => checkDecode(decodeClientFrame, text)),
      { numRuns: RUNS },
    );
  });

  it('mutated server frames: same contract for the clients', () => {
    fc.assert(
      fc.property(mutatedServerFrame, ({ text }) => checkDecode(decodeServerFrame, text)),
      { numRuns: RUNS },
    );
  });

  it('valid client frames decode to themselves', () => {
    fc.assert(
      fc.property(arbitraries.clientFrame, (frame) => {
        const result = decodeClientFrame(encodeFrame(frame));
        assert.ok(result.ok, result.ok ? '' : result.message);
        assert.deepStrictEqual(result.value, frame);
      }),
      { numRuns: RUNS },
    );
  });

  it('valid server frames decode to themselves', () => {
    fc.assert(
      fc.property(arbitraries.serverFrame, (frame) => {
        const result = decodeServerFrame(encodeFrame(frame));
        assert.ok(result.ok, result.ok ? '' : result.message);
        assert.deepStrictEqual(result.value, frame);
      }),
      { numRuns: RUNS },
    );
  });

  it('ack results: valid ones decode to themselves, anything else fails with bad_frame', () => {
    const commands = Object.keys(arbitraries.ackResults) as (keyof AckResults)[];
    const valid = fc.constantFrom(...commands).chain((command) =>
      fc.tuple(fc.constant(command), arbitraries.ackResults[command] as fc.Arbitrary<unknown>),
    );
    const noise = fc.tuple(fc.constantFrom(...commands), fc.jsonValue({ maxDepth: 4 }));
    fc.assert(
      fc.property(valid, noise, ([command, result], [noiseCommand, junk]) => {
        const decoded = decodeAckResult(command, JSON.parse(JSON.stringify(result)));
        assert.ok(decoded.ok, decoded.ok ? '' : decoded.message);
        assert.deepStrictEqual(decoded.value, result);
        const other = decodeAckResult(noiseCommand, junk);
        if (!other.ok) assert.equal(other.code, ERROR_CODES.badFrame);
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});
