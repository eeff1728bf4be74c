/**
 * Typing for the elements' DOM events. Every Parley event is a `CustomEvent`
 * named `parley-<noun>-<verb>` and declared in `GlobalEventHandlersEventMap`
 * (each element file declares its own), so `addEventListener` is typed for
 * page code and `ParleyElement.emit` checks the detail.
 */

/** Names of the `parley-*` events declared in `GlobalEventHandlersEventMap`. */
export type ParleyEventName = {
  [K in keyof GlobalEventHandlersEventMap]: K extends `parley-${string}`
    ? GlobalEventHandlersEventMap[K] extends CustomEvent<unknown>
      ? K
      : never
    : never;
}[keyof GlobalEventHandlersEventMap];

/** The `detail` of a declared `parley-*` event. */
export type ParleyEventDetail<K extends ParleyEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

export interface EmitOptions {
  /** `*-request` events are cancelable; the element honours `preventDefault()`. */
  readonly cancelable?: boolean;
}
