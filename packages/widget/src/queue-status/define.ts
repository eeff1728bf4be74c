/** Registers `<parley-queue-status>`. */
import { QueueStatus } from './queue-status.js';

QueueStatus.define('parley-queue-status');

declare global {
  interface HTMLElementTagNameMap {
    'parley-queue-status': QueueStatus;
  }
}

export { QueueStatus };
