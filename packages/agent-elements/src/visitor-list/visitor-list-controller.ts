import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentClient } from '@parley/core';
import type { ColumnContext } from './columns.js';
import type { VisitorRows } from './visitor-rows.js';

/** What the visitor list reads of an {@link AgentClient}. */
export type VisitorListClient = Pick<AgentClient, 'on' | 'visitors' | 'agents' | 'permissions' | 'watchingVisitors' | 'watchVisitors'>;

/** The permission the hub asks for the live visitor list. */
const VIEW_VISITORS = 'visitors.view';

/**
 * Feeds a client's live visitor list into {@link VisitorRows}: it starts
 * watching once the agent may, takes the snapshot and every change batch, and
 * re-renders the host at most once per animation frame, however many batches
 * arrive in between.
 */
export class VisitorListController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #rows: VisitorRows;
  #client: VisitorListClient | undefined;
  #off: (() => void)[] = [];
  #connected = false;
  #frame = 0;
  #names = new Map<string, string>();
  /** Whether to start watching the list (the host's `watch` property). */
  watch = true;

  constructor(host: ReactiveControllerHost, rows: VisitorRows) {
    this.#host = host;
    this.#rows = rows;
    host.addController(this);
  }

  get client(): VisitorListClient | undefined {
    return this.#client;
  }

  set client(client: VisitorListClient | undefined) {
    if (client === this.#client) return;
    this.#stop();
    this.#client = client;
    if (this.#connected) this.#start();
  }

  /** Whether the agent lacks the permission to see visitors (known once welcomed). */
  get forbidden(): boolean {
    const client = this.#client;
    return client !== undefined && client.permissions.length > 0 && !client.permissions.includes(VIEW_VISITORS);
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
    this.#rows.setContext(this.#context(client));
    this.#rows.reset(client.visitors.values());
    this.#off = [
      client.on('visitors', (change) => {
        this.#rows.apply(change);
        this.#render();
      }),
      client.on('agents', () => this.#agentsChanged(client)),
      client.on('agent', () => this.#ensureWatching(client)),
    ];
    this.#ensureWatching(client);
    this.#host.requestUpdate();
  }

  #stop(): void {
    for (const off of this.#off) off();
    this.#off = [];
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #ensureWatching(client: VisitorListClient): void {
    if (!this.watch || client.watchingVisitors || !client.permissions.includes(VIEW_VISITORS)) return;
    client.watchVisitors(true).catch(() => {
      // Refused or the connection closed: the client reports it through its `error` event.
    });
  }

  #context(client: VisitorListClient): ColumnContext {
    this.#names = new Map([...client.agents.values()].map((a) => [a.id, a.name]));
    return { agentName: (id) => client.agents.get(id)?.name };
  }

  /** Colleagues' presence changes often; only a changed name re-sorts. */
  #agentsChanged(client: VisitorListClient): void {
    const renamed = [...client.agents.values()].some((a) => this.#names.get(a.id) !== a.name);
    if (!renamed) return;
    this.#rows.setContext(this.#context(client));
    this.#render();
  }

  #render(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#host.requestUpdate();
    });
  }
}
