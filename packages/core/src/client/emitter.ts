/**
 * A client's events: mitt underneath, `on` handed out, `emit` kept inside. An
 * exception in a page's handler is logged and does not stop the client (or the
 * other handlers of later events).
 */
import type { Emitter } from 'mitt';
import { mitt, type Observable } from '../events.js';

export interface ClientEmitter<Events extends Record<string, unknown>> extends Observable<Events> {
  emit<K extends keyof Events>(type: K, event: Events[K]): void;
}

export function createClientEmitter<Events extends Record<string, unknown>>(): ClientEmitter<Events> {
  const emitter: Emitter<Events> = mitt<Events>();
  return {
    on(type, handler) {
      emitter.on(type, handler);
      return () => emitter.off(type, handler);
    },
    emit(type, event) {
      try {
        emitter.emit(type, event);
      } catch (error) {
        console.error(`Parley: a "${String(type)}" event handler threw`, error);
      }
    },
  };
}
