import { CLOSE_CODES, type Transport, type TransportFactory, type TransportListener } from '@parley/core';

/**
 * A transport whose implementation is loaded on first use: the long-poll
 * fallback stays out of the first download and costs nothing where WebSocket
 * works. Until the module arrives the transport is `connecting`; clients send
 * nothing before `open`.
 */
export function lazyTransport(load: () => Promise<TransportFactory>): TransportFactory {
  let factory: Promise<TransportFactory> | undefined;
  return () => new LazyTransport((factory ??= load()));
}

class LazyTransport implements Transport {
  readonly #listeners = new Set<TransportListener>();
  #inner: Transport | undefined;
  #closed = false;

  constructor(factory: Promise<TransportFactory>) {
    factory.then(
      (make) => {
        if (this.#closed) return;
        this.#inner = make();
        this.#inner.listen({
          open: () => this.#each((l) => l.open?.()),
          message: (data) => this.#each((l) => l.message?.(data)),
          error: (error) => this.#each((l) => l.error?.(error)),
          close: (event) => this.#finish(event.code, event.reason),
        });
      },
      (error: unknown) => {
        this.#each((l) => l.error?.(error));
        this.#finish(CLOSE_CODES.abnormal, 'The transport could not be loaded.');
      },
    );
  }

  send(data: string): void {
    this.#inner?.send(data);
  }

  close(code: number = CLOSE_CODES.normal, reason = ''): void {
    if (this.#closed) return;
    if (this.#inner) this.#inner.close(code, reason);
    else this.#finish(code, reason);
  }

  listen(listener: TransportListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #finish(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const l of listeners) l.close?.({ code, reason });
  }

  #each(call: (listener: TransportListener) => void): void {
    for (const l of [...this.#listeners]) call(l);
  }
}
