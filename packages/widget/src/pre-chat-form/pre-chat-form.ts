import { SiteForm } from '../forms/site-form.js';
import { preChatFormStyles } from './pre-chat-form.styles.js';

/**
 * The form before a chat starts, with the site's fields (settings
 * `preChatFields`) and their required flags. A "question type" select whose
 * options name a group routes the chat to that group (the hub reads it from
 * the answers).
 *
 * @tagname parley-pre-chat-form
 * @summary The site's pre-chat form, validated as the hub validates it.
 *
 * @event parley-prechat-submit - Valid answers, by field name (`detail.fields`), trimmed, empty ones left out.
 *
 * @csspart base - The form.
 * @csspart title - Its heading.
 * @csspart intro - The text under the heading.
 * @csspart note - A note above the fields (when `note` is set).
 * @csspart field - One field's label, control and error.
 * @csspart label - A field's label.
 * @csspart input - A field's control.
 * @csspart error - A field's problem.
 * @csspart form-error - The problem with the whole form (`error`).
 * @csspart submit - The submit button.
 *
 * @cssproperty --parley-form-submit-background - The submit button. Default `--parley-color-accent`.
 * @cssproperty --parley-form-submit-color - Its text. Default `--parley-color-on-accent`.
 */
export class PreChatForm extends SiteForm {
  static override styles = preChatFormStyles;

  protected override readonly textKeys = { title: 'prechat.title', intro: 'prechat.intro', submit: 'prechat.submit' };

  protected override submitted(fields: Record<string, string>): void {
    this.emit('parley-prechat-submit', { fields });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-pre-chat-form>`: the visitor starts the chat with these answers. */
    'parley-prechat-submit': CustomEvent<{ readonly fields: Readonly<Record<string, string>> }>;
  }
}
