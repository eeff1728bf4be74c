/** Registers `<parley-rating>`. */
import { Rating } from './rating.js';

Rating.define('parley-rating');

declare global {
  interface HTMLElementTagNameMap {
    'parley-rating': Rating;
  }
}

export { Rating };
