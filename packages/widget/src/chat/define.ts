/** Registers `<parley-chat>` (and the launcher it renders; it loads `<parley-invitation>` when the page is idle or an invitation arrives). */
import { ParleyChat } from './chat.js';

ParleyChat.define('parley-chat');

declare global {
  interface HTMLElementTagNameMap {
    'parley-chat': ParleyChat;
  }
}

export { ParleyChat };
