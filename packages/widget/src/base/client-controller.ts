import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable } from '@parley/core';

/**
 * Bridges a core client (`VisitorClient`, `AgentClient`, or anything with
 * `on(type, handler) → unsubscribe`) to an element: it subscribes to the given
 * events while the host is connected, requests an update on each, and lets the
 * host react. Elements stay views: they read the client's state in `render()`.
 *
 * ```ts
 * readonly #chat = new ClientController<AgentEvents>(this, { events: ['messages', 'typing', 'session'] });
 * set client(client: AgentClient) { this.#chat.client = client; }
 * ```
 */
export class ClientController<Events extends Record<string, unknown>> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #events: readonly (keyof Events)[];
  readonly #onEvent: (<K extends keyof Events>(type: K, event: Events[K]) => void) | undefined;
  #client: Observable<Events> | undefined;
  #unsubscribe: (() => void)[] = [];
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    options: {
      readonly events: readonly (keyof Events)[];
      /** Called for each event before the update is requested. */
      readonly onEvent?: <K extends keyof Events>(type: K, event: Events[K]) => void;
    },
  ) {
    this.#host = host;
    this.#events = options.events;
    this.#onEvent = options.onEvent;
    host.addController(this);
  }

  get client(): Observable<Events> | undefined {
    return this.#client;
  }

  set client(client: Observable<Events> | undefined) {
    if (client === this.#client) return;
    this.#stop();
    this.#client = client;
    if (this.#connected) this.#start();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    const client = this.#client;
    if (!client) return;
    this.#unsubscribe = this.#events.map((type) =>
      client.on(type, (event) => {
        this.#onEvent?.(type, event);
        this.#host.requestUpdate();
      }),
    );
  }

  #stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
  }
}
