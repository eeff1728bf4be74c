/** Registers `<parley-reach-out>`. */
import { ReachOut } from './reach-out.js';

ReachOut.define('parley-reach-out');

declare global {
  interface HTMLElementTagNameMap {
    'parley-reach-out': ReachOut;
  }
}

export { ReachOut };
