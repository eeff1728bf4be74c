/** Registers `<parley-presence-switch>`. */
import { PresenceSwitch } from './presence-switch.js';

PresenceSwitch.define('parley-presence-switch');

declare global {
  interface HTMLElementTagNameMap {
    'parley-presence-switch': PresenceSwitch;
  }
}

export { PresenceSwitch };
