import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Availability } from '@parley/core';

import { ParleyElement } from '../base/parley-element.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { safeResourceUrl } from '../base/safe-url.js';
import { launcherStyles } from './launcher.styles.js';

/** How the launcher looks: a floating pill, a tab fixed to the page's edge, or a text link the site styles. */
export type LauncherVariant = 'floating' | 'fixed' | 'link';

const chatIcon = svg`<path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/>`;

/**
 * The button that opens the chat. It tells the truth about who is there:
 * online, busy (a short wait) or offline, when it becomes "Leave a message".
 * It only asks: whoever owns the window (`<parley-chat>`) opens or closes it.
 *
 * @tagname parley-launcher
 * @summary The chat's launcher: floating, fixed or a text link, with live availability and unread count.
 *
 * @event parley-window-open-request - The visitor asks to open the chat. Cancelable: when prevented, nothing opens.
 * @event parley-window-close-request - The visitor asks to close (minimise) the chat. Cancelable.
 *
 * @csspart base - The button.
 * @csspart icon - The icon (the site's `icon` image, or the built-in one).
 * @csspart label - The text.
 * @csspart status - The availability dot.
 * @csspart badge - The unread count.
 *
 * @cssproperty --parley-launcher-background - The button. Default `--parley-color-accent`.
 * @cssproperty --parley-launcher-color - Its text and icon. Default `--parley-color-on-accent`.
 * @cssproperty --parley-launcher-online-color - The dot when online. Default `--parley-color-success`.
 */
export class Launcher extends ParleyElement {
  static override styles = launcherStyles;

  /** Who is there; absent until known (then the launcher says "Chat with us"). */
  @property({ reflect: true }) availability: Availability | undefined;

  @property({ reflect: true }) variant: LauncherVariant = 'floating';

  /** The chat window is open (the button then closes it). */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /** Messages the visitor has not seen. */
  @property({ type: Number }) unread = 0;

  /** URL of the site's own icon (http, https). */
  @property() icon = '';

  readonly #l10n = new LocalizeController(this);

  /** Focuses the button. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  #onClick(): void {
    this.emit(this.expanded ? 'parley-window-close-request' : 'parley-window-open-request', { source: 'launcher' }, { cancelable: true });
  }

  protected override render(): TemplateResult {
    const { t } = this.#l10n.translator;
    const availability = this.availability;
    const label = this.expanded ? t('launcher.close') : availability === 'offline' ? t('launcher.leaveMessage') : t('launcher.open');
    const icon = this.icon ? safeResourceUrl(this.icon) : undefined;
    return html`<button part="base" class="launcher launcher--${this.variant}" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${this.#onClick}>
      ${icon
        ? html`<img part="icon" class="launcher__icon" src=${icon} alt="" />`
        : html`<svg part="icon" class="launcher__icon" viewBox="0 0 24 24" aria-hidden="true">${chatIcon}</svg>`}
      <span part="label">${label}</span>
      ${availability
        ? html`<span part="status" class="launcher__status launcher__status--${availability}"></span><span class="visually-hidden">${t(`launcher.${availability}`)}</span>`
        : nothing}
      ${this.unread > 0
        ? html`<span part="badge" class="launcher__badge"><span aria-hidden="true">${this.unread}</span><span class="visually-hidden">${t('launcher.unread', { count: this.unread })}</span></span>`
        : nothing}
    </button>`;
  }
}

/** Where a request to open or close the window came from. */
export type WindowRequestSource = 'launcher' | 'window' | 'invitation' | 'api';

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-launcher>`, `<parley-chat>`: the visitor asks to open the chat; cancelable. */
    'parley-window-open-request': CustomEvent<{ readonly source: WindowRequestSource }>;
    /** `<parley-launcher>`, `<parley-chat-window>`: the visitor asks to close (minimise) the chat; cancelable. */
    'parley-window-close-request': CustomEvent<{ readonly source: WindowRequestSource }>;
  }
}
