/** Registers `<parley-notification-settings>`. */
import { NotificationSettings } from './notification-settings.js';

NotificationSettings.define('parley-notification-settings');

declare global {
  interface HTMLElementTagNameMap {
    'parley-notification-settings': NotificationSettings;
  }
}

export { NotificationSettings };
