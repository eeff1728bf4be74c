/** Registers `<parley-sign-in>`. */
import { SignIn } from './sign-in.js';

SignIn.define('parley-sign-in');

declare global {
  interface HTMLElementTagNameMap {
    'parley-sign-in': SignIn;
  }
}

export { SignIn };
