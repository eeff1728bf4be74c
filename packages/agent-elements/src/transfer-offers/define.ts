/** Registers `<parley-transfer-offers>`. */
import { TransferOffers } from './transfer-offers.js';

TransferOffers.define('parley-transfer-offers');

declare global {
  interface HTMLElementTagNameMap {
    'parley-transfer-offers': TransferOffers;
  }
}

export { TransferOffers };
