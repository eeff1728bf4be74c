/** Records the `detail`s of a `parley-*` event on a target, as a spy would. */
import type { ParleyEventDetail, ParleyEventName } from '../../../src/base/events.js';

export interface EventLog<K extends ParleyEventName> {
  readonly details: ParleyEventDetail<K>[];
  readonly count: number;
  readonly last: ParleyEventDetail<K> | undefined;
  stop(): void;
}

export function recordEvents<K extends ParleyEventName>(target: EventTarget, name: K): EventLog<K> {
  const details: ParleyEventDetail<K>[] = [];
  const listener = (event: Event) => details.push((event as CustomEvent<ParleyEventDetail<K>>).detail);
  target.addEventListener(name, listener);
  return {
    details,
    get count() {
      return details.length;
    },
    get last() {
      return details.at(-1);
    },
    stop: () => target.removeEventListener(name, listener),
  };
}
