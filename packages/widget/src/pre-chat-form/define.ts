/** Registers `<parley-pre-chat-form>`. */
import { PreChatForm } from './pre-chat-form.js';

PreChatForm.define('parley-pre-chat-form');

declare global {
  interface HTMLElementTagNameMap {
    'parley-pre-chat-form': PreChatForm;
  }
}

export { PreChatForm };
