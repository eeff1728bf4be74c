import { SiteForm } from '../forms/site-form.js';
import { offlineFormStyles } from './offline-form.styles.js';

/**
 * The leave-a-message form, shown when nobody can chat (the launcher says
 * "Leave a message", or a chat request found no agent), with the site's
 * fields (settings `offlineFields`).
 *
 * @tagname parley-offline-form
 * @summary The site's leave-a-message form, for when no agent can chat.
 *
 * @event parley-offline-submit - Valid answers, by field name (`detail.fields`), trimmed, empty ones left out.
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
export class OfflineForm extends SiteForm {
  static override styles = offlineFormStyles;

  protected override readonly textKeys = { title: 'offline.title', intro: 'offline.intro', submit: 'offline.submit' };

  protected override submitted(fields: Record<string, string>): void {
    this.emit('parley-offline-submit', { fields });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-offline-form>`: the visitor leaves this message. */
    'parley-offline-submit': CustomEvent<{ readonly fields: Readonly<Record<string, string>> }>;
  }
}
