import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController, ParleyElement } from '@parley/widget/shared';
import { requestDesktopPermission } from '../notifications/browser-output.js';
import {
  DEFAULT_NOTIFICATION_PREFS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  withChannel,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPrefs,
} from '../notifications/notification-prefs.js';
import { notificationSettingsStyles } from './notification-settings.styles.js';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/**
 * Which notifications the agent wants (A14): for each event — a new visitor,
 * a chat request, a message, a transfer offer — a sound, a desktop
 * notification and a flashing tab title, each on or off. Desktop
 * notifications need the browser's permission, asked from here.
 *
 * @tagname parley-notification-settings
 * @summary Sound, desktop notification and title flash, chosen per event.
 *
 * @event parley-notification-prefs-change - The agent changed a choice. `detail: { prefs }`.
 *
 * @csspart base - The settings.
 * @csspart table - The events × channels table.
 * @csspart permission - The "allow desktop notifications" button.
 */
export class NotificationSettings extends ParleyElement {
  static override styles = notificationSettingsStyles;

  /** The choices; the element emits a new object on each change (and keeps it). */
  @property({ attribute: false }) prefs: NotificationPrefs = DEFAULT_NOTIFICATION_PREFS;

  @state() private permission: Permission = currentPermission();

  readonly #l10n = new LocalizeController(this);

  #toggle(event: NotificationEvent, channel: NotificationChannel, on: boolean): void {
    this.prefs = withChannel(this.prefs, event, channel, on);
    this.emit('parley-notification-prefs-change', { prefs: this.prefs });
  }

  async #ask(): Promise<void> {
    this.permission = await requestDesktopPermission();
  }

  protected override render(): TemplateResult {
    const t = (key: string) => this.#l10n.t(key);
    return html`<section part="base" class="panel" aria-labelledby="heading">
      <h2 id="heading" class="heading">${t('notifications.heading')}</h2>
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${t('notifications.event')}</th>
            ${NOTIFICATION_CHANNELS.map((c) => html`<th scope="col">${t(`notifications.channel.${c}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${NOTIFICATION_EVENTS.map(
            (event) => html`<tr>
              <th scope="row" id=${`event-${event}`}>${t(`notifications.event.${event}`)}</th>
              ${NOTIFICATION_CHANNELS.map(
                (channel) => html`<td>
                  <input
                    type="checkbox"
                    id=${`${event}-${channel}`}
                    aria-labelledby=${`event-${event} channel-${channel}`}
                    .checked=${this.prefs[event][channel]}
                    @change=${(e: Event) => this.#toggle(event, channel, (e.target as HTMLInputElement).checked)}
                  />
                </td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="visually-hidden">${NOTIFICATION_CHANNELS.map((c) => html`<span id=${`channel-${c}`}>${t(`notifications.channel.${c}`)}</span>`)}</div>
      ${this.permission === 'default'
        ? html`<div class="row"><button part="permission" class="button" type="button" @click=${() => void this.#ask()}>${t('notifications.allowDesktop')}</button></div>`
        : this.permission === 'denied'
          ? html`<p class="muted">${t('notifications.desktopBlocked')}</p>`
          : this.permission === 'unsupported'
            ? html`<p class="muted">${t('notifications.desktopUnsupported')}</p>`
            : nothing}
    </section>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-notification-prefs-change': CustomEvent<{ readonly prefs: NotificationPrefs }>;
  }
}
