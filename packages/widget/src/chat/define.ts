/** Registers `<parley-chat>` (and the launcher and invitation it renders). */
import { ParleyChat } from './chat.js';

ParleyChat.define('parley-chat');

declare global {
  interface HTMLElementTagNameMap {
    'parley-chat': ParleyChat;
  }
}

export { ParleyChat };
