import mittModule, { type Emitter } from 'mitt';

/** mitt itself: its typings describe CommonJS; under ESM its default export is the function. */
export const mitt = mittModule as unknown as typeof mittModule.default;

/** A read-only view of an event source: subscribe, and get back the unsubscribe function. */
export interface Observable<Events extends Record<string, unknown>> {
  on<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): () => void;
}

/** An event source whose `emit` stays with its owner and whose `observable` is handed out. */
export interface EventSource<Events extends Record<string, unknown>> {
  readonly observable: Observable<Events>;
  emit<K extends keyof Events>(type: K, event: Events[K]): void;
  clear(): void;
}

export function makeEventSource<Events extends Record<string, unknown>>(): EventSource<Events> {
  const emitter: Emitter<Events> = mitt<Events>();
  return {
    observable: {
      on(type, handler) {
        emitter.on(type, handler);
        return () => emitter.off(type, handler);
      },
    },
    emit(type, event) {
      emitter.emit(type, event);
    },
    clear() {
      emitter.all.clear();
    },
  };
}
