/** Registers `<parley-conversation-list>`. */
import { ConversationList } from './conversation-list.js';

ConversationList.define('parley-conversation-list');

declare global {
  interface HTMLElementTagNameMap {
    'parley-conversation-list': ConversationList;
  }
}

export { ConversationList };
