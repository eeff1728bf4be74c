/** Registers `<parley-offline-form>`. */
import { OfflineForm } from './offline-form.js';

OfflineForm.define('parley-offline-form');

declare global {
  interface HTMLElementTagNameMap {
    'parley-offline-form': OfflineForm;
  }
}

export { OfflineForm };
