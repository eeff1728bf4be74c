/** Registers `<parley-visitor-list>`. */
import { VisitorList } from './visitor-list.js';

VisitorList.define('parley-visitor-list');

declare global {
  interface HTMLElementTagNameMap {
    'parley-visitor-list': VisitorList;
  }
}

export { VisitorList };
