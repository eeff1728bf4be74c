/** Registers `<parley-composer>`. */
import { Composer } from './composer.js';

Composer.define('parley-composer');

declare global {
  interface HTMLElementTagNameMap {
    'parley-composer': Composer;
  }
}

export { Composer };
