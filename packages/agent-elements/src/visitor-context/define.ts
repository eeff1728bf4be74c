/** Registers `<parley-visitor-context>`. */
import { VisitorContext } from './visitor-context.js';

VisitorContext.define('parley-visitor-context');

declare global {
  interface HTMLElementTagNameMap {
    'parley-visitor-context': VisitorContext;
  }
}

export { VisitorContext };
