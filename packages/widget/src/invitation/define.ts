/** Registers `<parley-invitation>`. */
import { Invitation } from './invitation.js';

Invitation.define('parley-invitation');

declare global {
  interface HTMLElementTagNameMap {
    'parley-invitation': Invitation;
  }
}

export { Invitation };
