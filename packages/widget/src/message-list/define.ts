/** Registers `<parley-message-list>`. */
import { MessageList } from './message-list.js';

MessageList.define('parley-message-list');

declare global {
  interface HTMLElementTagNameMap {
    'parley-message-list': MessageList;
  }
}

export { MessageList };
