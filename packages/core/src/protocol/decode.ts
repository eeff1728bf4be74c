/**
 * Reading frames off the wire. Nothing here throws: every input, however
 * malformed, becomes either a typed frame or a {@link DecodeFailure} with a
 * stable code that the receiver can put in an `error` frame.
 */
import type { ClientFrame } from './client-frames.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import { LIMITS } from './limits.js';
import { CLIENT_FRAME_SCHEMAS } from './schemas/client.js';
import {
  ACK_RESULT_SCHEMAS,
  AGENT_ACK_SCHEMAS,
  AGENT_FRAME_SCHEMAS,
  SERVER_FRAME_SCHEMAS,
  VISITOR_ACK_SCHEMAS,
  VISITOR_FRAME_SCHEMAS,
} from './schemas/server.js';
import type { AckResults, AgentServerFrame, ServerFrame, VisitorServerFrame } from './server-frames.js';
import { Issue, type Schema } from './schemas/validator.js';

export type Decoded<T> = { readonly ok: true; readonly value: T } | DecodeFailure;

export interface DecodeFailure {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly message: string;
  /** The frame's `ref`, when one could be read, so the failure can answer the command. */
  readonly ref?: string;
}

/** Failure messages quote what was received; they are cut to fit an `error` frame comfortably. */
const MESSAGE_CHARS = LIMITS.shortText;

function fail(code: ErrorCode, text: string, ref?: string): DecodeFailure {
  const message = text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS - 1)}…` : text;
  return { ok: false, code, message, ...(ref !== undefined && { ref }) };
}

/** Whether objects or arrays nest deeper than `max` levels; iterative, so depth cannot overflow the stack. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { node: object; depth: number }[] = [];
  if (typeof value === 'object' && value !== null) stack.push({ node: value, depth: 1 });
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.depth > max) return true;
    for (const child of Object.values(item.node)) {
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: item.depth + 1 });
    }
  }
  return false;
}

function decodeWith<T>(
  data: unknown,
  schemas: Readonly<Record<string, Schema<unknown>>>,
  maxChars: number,
): Decoded<T> {
  if (typeof data !== 'string') return fail(ERROR_CODES.badFrame, 'A frame must be JSON text.');
  if (data.length > maxChars) {
    return fail(ERROR_CODES.frameTooLarge, `A frame may hold at most ${maxChars} characters.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return fail(ERROR_CODES.badFrame, 'The frame is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(ERROR_CODES.badFrame, 'A frame must be a JSON object.');
  }
  const record = parsed as Record<string, unknown>;
  const ref =
    typeof record.ref === 'string' && record.ref.length > 0 && record.ref.length <= LIMITS.id ? record.ref : undefined;
  const type = record.type;
  if (typeof type !== 'string') return fail(ERROR_CODES.badFrame, 'A frame needs a string "type".', ref);
  const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!schema) return fail(ERROR_CODES.unknownType, `Unknown frame type "${type.slice(0, 40)}".`, ref);
  if (nestsDeeperThan(parsed, LIMITS.depth)) {
    return fail(ERROR_CODES.badFrame, `A frame may nest at most ${LIMITS.depth} levels deep.`, ref);
  }
  const output = schema.run(parsed);
  if (output instanceof Issue) return fail(ERROR_CODES.badFrame, describeIssue(type, output), ref);
  return { ok: true, value: output as T };
}

function describeIssue(type: string, issue: Issue): string {
  const path = issue.path.join('.');
  return `Invalid "${type}" frame${path ? ` at "${path.slice(0, 80)}"` : ''}: ${issue.message}`;
}

/** Decodes a frame a client sent (the hub's side). */
export function decodeClientFrame(data: unknown, maxChars: number = LIMITS.frameChars): Decoded<ClientFrame> {
  return decodeWith<ClientFrame>(data, CLIENT_FRAME_SCHEMAS, maxChars);
}

/**
 * The server's frames may be larger than a client's (a welcome with a visitor
 * list): clients accept 16× the client limit.
 */
const SERVER_FRAME_FACTOR = 16;

/** Decodes a frame the hub sent, whichever role it was sent to (for tools and tests). */
export function decodeServerFrame(data: unknown, maxChars: number = LIMITS.frameChars): Decoded<ServerFrame> {
  return decodeWith<ServerFrame>(data, SERVER_FRAME_SCHEMAS, maxChars * SERVER_FRAME_FACTOR);
}

/** Decodes a frame the hub sent to a visitor; an agent-only frame is `unknown_type`. */
export function decodeVisitorFrame(data: unknown, maxChars: number = LIMITS.frameChars): Decoded<VisitorServerFrame> {
  return decodeWith<VisitorServerFrame>(data, VISITOR_FRAME_SCHEMAS, maxChars * SERVER_FRAME_FACTOR);
}

/** Decodes a frame the hub sent to an agent; a visitor-only frame is `unknown_type`. */
export function decodeAgentFrame(data: unknown, maxChars: number = LIMITS.frameChars): Decoded<AgentServerFrame> {
  return decodeWith<AgentServerFrame>(data, AGENT_FRAME_SCHEMAS, maxChars * SERVER_FRAME_FACTOR);
}

function decodeResultWith(
  schemas: Readonly<Record<string, Schema<unknown>>>,
  command: string,
  result: unknown,
): Decoded<unknown> {
  if (!Object.hasOwn(schemas, command)) return { ok: true, value: result };
  const output = schemas[command]!.run(result);
  return output instanceof Issue
    ? fail(ERROR_CODES.badFrame, describeIssue(`ack of ${command}`, output))
    : { ok: true, value: output };
}

/** Checks an `ack.result` against what the command promises. */
export function decodeAckResult<K extends keyof AckResults>(command: K, result: unknown): Decoded<AckResults[K]> {
  return decodeResultWith(ACK_RESULT_SCHEMAS, command, result) as Decoded<AckResults[K]>;
}

/**
 * How a client of one role reads what the hub sends it: frames, and the
 * `ack.result` of each of its commands (checked when the command has a result
 * schema, passed through as it is otherwise).
 */
export interface ServerDecoder {
  readonly frame: (data: unknown) => Decoded<ServerFrame>;
  readonly ackResult: (command: string, result: unknown) => Decoded<unknown>;
}

export const VISITOR_DECODER: ServerDecoder = {
  frame: (data) => decodeVisitorFrame(data),
  ackResult: (command, result) => decodeResultWith(VISITOR_ACK_SCHEMAS, command, result),
};

export const AGENT_DECODER: ServerDecoder = {
  frame: (data) => decodeAgentFrame(data),
  ackResult: (command, result) => decodeResultWith(AGENT_ACK_SCHEMAS, command, result),
};

/** Both roles' frames and results, for tools and tests that play either role. */
export const ANY_ROLE_DECODER: ServerDecoder = {
  frame: (data) => decodeServerFrame(data),
  ackResult: (command, result) => decodeResultWith(ACK_RESULT_SCHEMAS, command, result),
};

/** Serialises a frame for the wire. */
export function encodeFrame(frame: ClientFrame | ServerFrame): string {
  return JSON.stringify(frame);
}
