/** Registers `<parley-offline-messages>`. */
import { OfflineMessages } from './offline-messages.js';

OfflineMessages.define('parley-offline-messages');

declare global {
  interface HTMLElementTagNameMap {
    'parley-offline-messages': OfflineMessages;
  }
}

export { OfflineMessages };
