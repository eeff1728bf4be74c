/**
 * A new message is encoded once: its JSON goes into the `message` frame for
 * everyone in the session and, as it is, into the ack of the `message.send`
 * that stored it. Internal.
 */
import { encodeFrame } from '../protocol/decode.js';
import type { Message } from '../protocol/model.js';
import { EncodedFrame } from './fanout.js';

const encoded = new WeakMap<Message, string>();

/** The `message` frame of a message, encoded: the same text as `encodeFrame({ type: 'message', message })`. */
export function messageFrame(message: Message): EncodedFrame {
  const json = JSON.stringify(message);
  encoded.set(message, json);
  return new EncodedFrame(`{"type":"message","message":${json}}`);
}

/**
 * An `ack` frame, encoded: the same text as `encodeFrame({ type: 'ack', ref,
 * result })`, reusing the JSON of a `{ message }` result that {@link messageFrame}
 * encoded.
 */
export function encodeAck(ref: string, result: object): string {
  const { message } = result as { message?: unknown };
  const json = typeof message === 'object' && message !== null ? encoded.get(message as Message) : undefined;
  if (json !== undefined && Object.keys(result).length === 1) {
    return `{"type":"ack","ref":${JSON.stringify(ref)},"result":{"message":${json}}}`;
  }
  return encodeFrame({ type: 'ack', ref, result: result as Record<string, unknown> });
}
