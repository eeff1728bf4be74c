import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentClient } from '@parley/core';

/**
 * `AgentClient.markRead` changes unread counts without an event of its own
 * (reading system messages changes no message's delivery state), so elements
 * showing counts would not know. Reading through {@link markConversationRead}
 * tells every element watching the same client.
 */
const signals = new WeakMap<object, EventTarget>();

function signalOf(client: object): EventTarget {
  let target = signals.get(client);
  if (!target) signals.set(client, (target = new EventTarget()));
  return target;
}

/** Marks a chat read and tells the elements showing unread counts for this client. */
export function markConversationRead(client: Pick<AgentClient, 'markRead'>, sessionId: string): void {
  client.markRead(sessionId);
  signalOf(client).dispatchEvent(new CustomEvent('read', { detail: sessionId }));
}

/** Re-renders its host when a chat of its client is marked read through {@link markConversationRead}. */
export class ReadSignalController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #client: object | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  set client(client: object | undefined) {
    if (client === this.#client) return;
    this.#stop();
    this.#client = client;
    if (this.#connected) this.#start();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #onRead = (): void => this.#host.requestUpdate();

  #start(): void {
    if (this.#client) signalOf(this.#client).addEventListener('read', this.#onRead);
  }

  #stop(): void {
    if (this.#client) signalOf(this.#client).removeEventListener('read', this.#onRead);
  }
}
