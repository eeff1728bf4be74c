/**
 * One signed-in agent in the console: the AgentClient connected with their
 * token, the notifier that rings for them, and the services (canned replies,
 * uploads, settings) made for their token. Disposed on sign-out.
 */
import { AgentClient, createMemoryStorage, type ClientStorage } from '@parley/core';
import type { SignInResult } from '../api/sign-in.js';
import { AgentNotifier, type Notice, type NotificationOutput } from '../notifications/agent-notifier.js';
import type { NotificationPrefs } from '../notifications/notification-prefs.js';
import type { ConsoleServices, ServicesFactory, TransportFor } from './console-services.js';

export interface ConsoleSessionOptions {
  readonly signedIn: SignInResult;
  readonly transport: TransportFor;
  readonly services?: ServicesFactory;
  readonly storage?: ClientStorage;
  readonly output: NotificationOutput;
  readonly prefs: NotificationPrefs;
  readonly t: (key: string, values?: Readonly<Record<string, string | number>>) => string;
  readonly activeSession: () => string | undefined;
  readonly beforeNotify: (notice: Notice) => boolean;
}

export class ConsoleSession {
  readonly signedIn: SignInResult;
  readonly client: AgentClient;
  readonly notifier: AgentNotifier;
  readonly services: ConsoleServices;

  constructor(options: ConsoleSessionOptions) {
    this.signedIn = options.signedIn;
    this.client = new AgentClient({
      token: options.signedIn.token,
      transport: options.transport(options.signedIn.token),
      storage: options.storage ?? createMemoryStorage(),
    });
    this.services = options.services?.(options.signedIn) ?? {};
    this.notifier = new AgentNotifier({
      client: this.client,
      output: options.output,
      t: options.t,
      prefs: options.prefs,
      activeSession: options.activeSession,
      beforeNotify: options.beforeNotify,
    });
    this.notifier.start();
    this.client.connect();
  }

  dispose(): void {
    this.notifier.stop();
    this.client.close();
  }
}
