/** Registers `<parley-queue>`. */
import { Queue } from './queue.js';

Queue.define('parley-queue');

declare global {
  interface HTMLElementTagNameMap {
    'parley-queue': Queue;
  }
}

export { Queue };
