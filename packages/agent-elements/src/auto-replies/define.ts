/** Registers `<parley-auto-replies>`. */
import { AutoReplies } from './auto-replies.js';

AutoReplies.define('parley-auto-replies');

declare global {
  interface HTMLElementTagNameMap {
    'parley-auto-replies': AutoReplies;
  }
}

export { AutoReplies };
