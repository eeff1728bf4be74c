/** Registers `<parley-transfer-form>`. */
import { TransferForm } from './transfer-form.js';

TransferForm.define('parley-transfer-form');

declare global {
  interface HTMLElementTagNameMap {
    'parley-transfer-form': TransferForm;
  }
}

export { TransferForm };
