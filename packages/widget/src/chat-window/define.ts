/** Registers `<parley-chat-window>` and the elements it renders. */
import { ChatWindow } from './chat-window.js';

ChatWindow.define('parley-chat-window');

declare global {
  interface HTMLElementTagNameMap {
    'parley-chat-window': ChatWindow;
  }
}

export { ChatWindow };
