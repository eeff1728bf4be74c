/**
 * How elements find their translator: a provider (`<parley-chat>`, the agent
 * console) answers the `context-request` events of the elements below it, in
 * the shape of the community context protocol (the one `@lit/context` speaks),
 * and calls them back when it changes the translator.
 */
import type { Translator } from './translator.js';

/** The key of the translator context. */
export const translatorContext = 'parley-translator' as const;
export type TranslatorContext = typeof translatorContext;

/** Asks the nearest provider for the translator; bubbles and crosses shadow roots. */
export class ContextRequestEvent extends Event {
  constructor(
    readonly context: TranslatorContext,
    readonly callback: (value: Translator, unsubscribe?: () => void) => void,
    readonly subscribe = false,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'context-request': ContextRequestEvent;
  }
}

/** A provider's handle on the translator it gives out. */
export interface TranslatorProvider {
  readonly value: Translator;
  /** Gives every subscribed element the new translator (they re-render). */
  set(translator: Translator): void;
  /** Stops answering. */
  dispose(): void;
}

/** Makes `host` provide `initial` to the elements below it (in its shadow root or its light DOM). */
export function provideTranslator(host: HTMLElement, initial: Translator): TranslatorProvider {
  let value = initial;
  // Each subscriber keeps one unsubscribe function for its lifetime.
  const subscribers = new Map<(value: Translator, unsubscribe?: () => void) => void, () => void>();
  const onRequest = (event: ContextRequestEvent) => {
    if (event.context !== translatorContext) return;
    event.stopPropagation();
    if (event.subscribe) {
      const callback = event.callback;
      const unsubscribe = () => void subscribers.delete(callback);
      subscribers.set(callback, unsubscribe);
      callback(value, unsubscribe);
    } else {
      event.callback(value);
    }
  };
  host.addEventListener('context-request', onRequest);
  return {
    get value() {
      return value;
    },
    set(translator) {
      value = translator;
      for (const [callback, unsubscribe] of [...subscribers]) callback(value, unsubscribe);
    },
    dispose() {
      host.removeEventListener('context-request', onRequest);
      subscribers.clear();
    },
  };
}
