/** Registers `<parley-launcher>`. */
import { Launcher } from './launcher.js';

Launcher.define('parley-launcher');

declare global {
  interface HTMLElementTagNameMap {
    'parley-launcher': Launcher;
  }
}

export { Launcher };
