import type { Transport, TransportCloseEvent, TransportFactory, TransportListener } from './transport.js';
import { CLOSE_CODES } from './transport.js';

/**
 * One end of an in-process connection. Frames are delivered asynchronously and
 * in order, as a network would; {@link MemoryLink.drop} cuts the link like a
 * lost network does, without a close handshake.
 */
class MemoryEnd implements Transport {
  #listeners = new Set<TransportListener>();
  #peer: MemoryEnd | undefined;
  #state: 'connecting' | 'open' | 'closed' = 'connecting';

  connect(peer: MemoryEnd): void {
    this.#peer = peer;
  }

  open(): void {
    queueMicrotask(() => {
      if (this.#state !== 'connecting') return;
      this.#state = 'open';
      for (const l of [...this.#listeners]) l.open?.();
    });
  }

  send(data: string): void {
    if (this.#state !== 'open') return;
    const peer = this.#peer;
    if (peer) queueMicrotask(() => peer.#receive(data));
  }

  #receive(data: string): void {
    if (this.#state !== 'open') return;
    for (const l of [...this.#listeners]) l.message?.(data);
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#state === 'closed') return;
    const peer = this.#peer;
    this.finish({ code, reason });
    queueMicrotask(() => peer?.finish({ code, reason }));
  }

  /** Ends this side without telling the peer anything (used by `drop`). */
  finish(event: TransportCloseEvent): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    queueMicrotask(() => {
      for (const l of [...this.#listeners]) l.close?.(event);
      this.#listeners.clear();
    });
  }

  listen(listener: TransportListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Both ends of an in-process connection, and a way to cut it. */
export interface MemoryLink {
  /** The client's end. */
  readonly client: Transport;
  /** The hub's end. */
  readonly server: Transport;
  /** Cuts the connection as a network loss would: both ends see close code 1006. */
  drop(): void;
}

/** Makes a connected in-process pair; both ends open on the next microtask. */
export function createMemoryLink(): MemoryLink {
  const client = new MemoryEnd();
  const server = new MemoryEnd();
  client.connect(server);
  server.connect(client);
  server.open();
  client.open();
  const lost = { code: CLOSE_CODES.abnormal, reason: 'connection lost' };
  return {
    client,
    server,
    drop() {
      client.finish(lost);
      server.finish(lost);
    },
  };
}

/**
 * A transport factory for clients that talk to a hub in the same process (tests,
 * server-less demos): each connection attempt makes a new link and hands its
 * server end to `accept`, typically `(end) => hub.connect(end)`.
 *
 * @param onLink sees each link, so a test can cut it.
 */
export function createMemoryTransport(
  accept: (serverEnd: Transport) => void,
  onLink?: (link: MemoryLink) => void,
): TransportFactory {
  return () => {
    const link = createMemoryLink();
    accept(link.server);
    onLink?.(link);
    return link.client;
  };
}
