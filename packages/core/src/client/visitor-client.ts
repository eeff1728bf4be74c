/**
 * The visitor client most code wants: {@link VisitorClientBase} with its chat
 * machinery attached from the start.
 */
import { createChatSync } from './chat-sync.js';
import { VisitorClientBase, type VisitorClientOptions } from './visitor-client-base.js';

/**
 * A visitor's connection to its site's chat. State is readable synchronously
 * at any time; every change is announced through {@link VisitorClient.on}.
 *
 * ```ts
 * const client = new VisitorClient({ siteId, transport: createWebSocketTransport(url), storage });
 * client.on('messages', () => render(client.messages()));
 * client.connect();
 * await client.requestChat({ name: 'Ada' });
 * client.send('Hello!');
 * ```
 */
export class VisitorClient extends VisitorClientBase {
  constructor(options: VisitorClientOptions) {
    super(options);
    this.attachChat(createChatSync);
  }
}
