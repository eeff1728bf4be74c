import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { ContextRequestEvent, translatorContext } from './context.js';
import { defaultTranslator } from './default-translator.js';
import type { TextValues, Translator } from './translator.js';

/**
 * Gives an element its texts: asks the nearest provider for the translator
 * when connected, re-renders the element when the provider changes it
 * (another language, texts overridden), and falls back to the default
 * translator when nothing provides one.
 *
 * ```ts
 * readonly #l10n = new LocalizeController(this);
 * render() { return html`<button>${this.#l10n.t('composer.send')}</button>`; }
 * ```
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #provided: Translator | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get translator(): Translator {
    return this.#provided ?? defaultTranslator();
  }

  get language(): string {
    return this.translator.language;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.translator.dir;
  }

  t(key: string, values?: TextValues): string {
    return this.translator.t(key, values);
  }

  hostConnected(): void {
    this.#host.dispatchEvent(
      new ContextRequestEvent(
        translatorContext,
        (translator, unsubscribe) => {
          if (unsubscribe !== this.#unsubscribe) this.#unsubscribe?.();
          this.#unsubscribe = unsubscribe;
          if (translator === this.#provided) return;
          this.#provided = translator;
          this.#host.requestUpdate();
        },
        true,
      ),
    );
  }

  hostDisconnected(): void {
    // The translator is kept: a detached element may still render (its data changes) and
    // must not fall back to keys; connecting again asks the (new) provider.
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
