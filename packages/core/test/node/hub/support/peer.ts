/**
 * A test client that speaks raw frames to the hub over a memory link: send a
 * frame, await the next frame of a type, collect, and assert nothing
 * unexpected arrived. Typed against the protocol, so it cannot drift.
 */
import assert from 'node:assert/strict';
import { setImmediate } from 'node:timers';
import type { ClientFrame } from '../../../../src/protocol/client-frames.js';
import type { ErrorCode } from '../../../../src/protocol/error-codes.js';
import type { AckResults, ErrorFrame, ServerFrame } from '../../../../src/protocol/server-frames.js';
import { createMemoryLink, type MemoryLink } from '../../../../src/transport/memory.js';
import type { TransportCloseEvent } from '../../../../src/transport/transport.js';
import type { ConnectionContext, Hub } from '../../../../src/hub/index.js';

export type FrameType = ServerFrame['type'];
export type FrameOf<T extends FrameType> = Extract<ServerFrame, { type: T }>;
type Command<K extends keyof AckResults> = Omit<Extract<ClientFrame, { type: K }>, 'ref' | 'type'>;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets the hub finish what it is doing (microtasks, WebCrypto completions). */
export async function settle(turns = 30): Promise<void> {
  for (let i = 0; i < turns; i++) await turn();
}

export class TestPeer {
  /** Every frame received, in order. */
  readonly received: ServerFrame[] = [];
  /** Frames not yet taken by `next`/`take`. */
  readonly unread: ServerFrame[] = [];
  closeEvent: TransportCloseEvent | undefined;
  readonly link: MemoryLink;
  #refs = 0;
  #open = false;
  /** Frames sent before the link opened; a real client waits for `open` too. */
  #outbox: string[] = [];

  constructor(hub: Hub, context?: ConnectionContext) {
    this.link = createMemoryLink();
    this.link.client.listen({
      open: () => {
        this.#open = true;
        for (const data of this.#outbox.splice(0)) this.link.client.send(data);
      },
      message: (data) => {
        const frame = JSON.parse(data) as ServerFrame;
        this.received.push(frame);
        this.unread.push(frame);
      },
      close: (event) => {
        this.closeEvent = event;
      },
    });
    hub.connect(this.link.server, context);
  }

  /** Sends a frame as is: a typed frame, any object (malformed on purpose), or raw text. */
  send(frame: ClientFrame | Record<string, unknown> | string): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    if (this.#open) this.link.client.send(data);
    else this.#outbox.push(data);
  }

  newRef(): string {
    return `r${++this.#refs}`;
  }

  /** Sends a command with a fresh ref and waits for its `ack` or `error`. */
  async request<K extends keyof AckResults | 'presence.set' | 'visitors.watch' | 'page.push' | 'rating.request'>(
    type: K,
    fields: Record<string, unknown>,
  ): Promise<FrameOf<'ack'> | ErrorFrame> {
    const ref = this.newRef();
    this.send({ type, ref, ...fields });
    const answer = await this.next((f): f is FrameOf<'ack'> | ErrorFrame => (f.type === 'ack' || f.type === 'error') && f.ref === ref);
    return answer;
  }

  /** A command that must succeed; returns its result. */
  async ok<K extends keyof AckResults>(type: K, fields: Command<K>): Promise<AckResults[K]>;
  async ok(type: 'presence.set' | 'visitors.watch' | 'page.push' | 'rating.request', fields: Record<string, unknown>): Promise<Record<string, unknown>>;
  async ok(type: string, fields: Record<string, unknown>): Promise<unknown> {
    const answer = await this.request(type as keyof AckResults, fields);
    assert.equal(answer.type, 'ack', `${type} failed: ${JSON.stringify(answer)}`);
    return (answer as FrameOf<'ack'>).result;
  }

  /** A command that must fail with `code`. */
  async fails(type: string, fields: Record<string, unknown>, code: ErrorCode): Promise<ErrorFrame> {
    const answer = await this.request(type as keyof AckResults, fields);
    assert.equal(answer.type, 'error', `${type} should fail with ${code}, got ${JSON.stringify(answer)}`);
    assert.equal((answer as ErrorFrame).code, code, `${type}: ${JSON.stringify(answer)}`);
    return answer as ErrorFrame;
  }

  /** Waits for the first unread frame of a type (matching `where`), and takes it. */
  next<T extends FrameType>(type: T, where?: (frame: FrameOf<T>) => boolean): Promise<FrameOf<T>>;
  next<F extends ServerFrame>(guard: (frame: ServerFrame) => frame is F): Promise<F>;
  async next(
    what: FrameType | ((frame: ServerFrame) => boolean),
    where?: (frame: ServerFrame) => boolean,
  ): Promise<ServerFrame> {
    const matches = (f: ServerFrame) => (typeof what === 'string' ? f.type === what && (!where || where(f)) : what(f));
    const started = Date.now();
    for (;;) {
      const index = this.unread.findIndex(matches);
      if (index >= 0) return this.unread.splice(index, 1)[0]!;
      if (Date.now() - started > 2000) {
        assert.fail(`expected a frame ${typeof what === 'string' ? `"${what}"` : 'matching'}; unread: ${JSON.stringify(this.unread)}`);
      }
      await turn();
    }
  }

  /** After settling, takes every unread frame of a type. */
  async take<T extends FrameType>(type: T): Promise<FrameOf<T>[]> {
    await settle();
    const taken = this.unread.filter((f): f is FrameOf<T> => f.type === type);
    this.clear(type);
    return taken;
  }

  /** After settling, asserts no unread frame (of these types, or at all) arrived. */
  async none(...types: FrameType[]): Promise<void> {
    await settle();
    const unexpected = this.unread.filter((f) => types.length === 0 || types.includes(f.type));
    assert.deepEqual(unexpected, [], 'unexpected frames');
  }

  /** Forgets unread frames (of these types, or all). */
  clear(...types: FrameType[]): void {
    const keep = this.unread.filter((f) => types.length > 0 && !types.includes(f.type));
    this.unread.length = 0;
    this.unread.push(...keep);
  }

  async closed(): Promise<TransportCloseEvent> {
    const started = Date.now();
    while (!this.closeEvent) {
      if (Date.now() - started > 2000) assert.fail('expected the connection to close');
      await turn();
    }
    return this.closeEvent;
  }

  close(): void {
    this.link.client.close(1000, 'bye');
  }

  /** Cuts the link as a network loss would. */
  drop(): void {
    this.link.drop();
  }
}
