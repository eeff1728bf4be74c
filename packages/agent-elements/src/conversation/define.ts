/** Registers `<parley-conversation>`. */
import { Conversation } from './conversation.js';

Conversation.define('parley-conversation');

declare global {
  interface HTMLElementTagNameMap {
    'parley-conversation': Conversation;
  }
}

export { Conversation };
