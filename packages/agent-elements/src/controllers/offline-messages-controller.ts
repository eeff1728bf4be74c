import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentClient, OfflineMessage } from '@parley/core';
import type { OfflineMessageService } from '../api/offline.js';

/**
 * Bridges the site's left messages to an element: loads them through an
 * {@link OfflineMessageService} while the host is connected, adds the ones
 * the client announces live (`offlineMessage`), and requests an update on
 * each change. `messages` is newest first.
 */
export class OfflineMessagesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #byId = new Map<string, OfflineMessage>();
  #client: AgentClient | undefined;
  #service: OfflineMessageService | undefined;
  #off: (() => void) | undefined;
  #connected = false;
  #load = 0;
  #sorted: OfflineMessage[] | undefined;

  /** A load is under way. */
  loading = false;
  /** The last load failed with this error. */
  error: unknown;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    if (client === this.#client) return;
    this.#off?.();
    this.#off = undefined;
    this.#client = client;
    if (this.#connected) this.#subscribe();
    this.#host.requestUpdate();
  }

  get service(): OfflineMessageService | undefined {
    return this.#service;
  }
  set service(service: OfflineMessageService | undefined) {
    if (service === this.#service) return;
    this.#service = service;
    if (this.#connected) void this.reload();
  }

  /** The messages, newest first. */
  get messages(): readonly OfflineMessage[] {
    this.#sorted ??= [...this.#byId.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    return this.#sorted;
  }

  /** How many are not replied. */
  get notReplied(): number {
    let count = 0;
    for (const m of this.#byId.values()) if (!m.replied) count++;
    return count;
  }

  /** Loads the list again from the service. */
  async reload(): Promise<void> {
    const service = this.#service;
    const request = ++this.#load;
    if (!service) return;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const loaded = await service.list();
      if (request !== this.#load) return;
      for (const m of loaded) this.#byId.set(m.id, m);
    } catch (error) {
      if (request === this.#load) this.error = error;
    } finally {
      if (request === this.#load) {
        this.loading = false;
        this.#changed();
      }
    }
  }

  /** Records a message (new, or changed elsewhere). */
  put(message: OfflineMessage): void {
    this.#byId.set(message.id, message);
    this.#changed();
  }

  /** Records that a message was replied (by this agent or another element). */
  setReplied(id: string): OfflineMessage | undefined {
    const message = this.#byId.get(id);
    if (!message) return undefined;
    const next = { ...message, replied: true };
    this.put(next);
    return next;
  }

  get(id: string): OfflineMessage | undefined {
    return this.#byId.get(id);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
    void this.reload();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#off?.();
    this.#off = undefined;
  }

  #subscribe(): void {
    this.#off?.();
    this.#off = this.#client?.on('offlineMessage', (message) => this.put(message));
  }

  #changed(): void {
    this.#sorted = undefined;
    this.#host.requestUpdate();
  }
}
