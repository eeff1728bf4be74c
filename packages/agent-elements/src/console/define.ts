/** Registers `<parley-console>`. */
import { AgentConsole } from './console.js';

AgentConsole.define('parley-console');

declare global {
  interface HTMLElementTagNameMap {
    'parley-console': AgentConsole;
  }
}

export { AgentConsole };
