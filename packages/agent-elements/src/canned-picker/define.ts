/** Registers `<parley-canned-picker>`. */
import { CannedPicker } from './canned-picker.js';

CannedPicker.define('parley-canned-picker');

declare global {
  interface HTMLElementTagNameMap {
    'parley-canned-picker': CannedPicker;
  }
}

export { CannedPicker };
