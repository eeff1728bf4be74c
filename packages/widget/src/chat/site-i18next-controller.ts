import type { i18n } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { siteI18nextTranslator } from '../i18n/site-i18next.js';
import type { TextOverrides, Translator } from '../i18n/translator.js';

/**
 * `<parley-chat>`'s link to a site's i18next instance: while the element is
 * connected, it follows the instance's language (the site's
 * `changeLanguage`), and it builds the translator. `<parley-chat>` imports it
 * (and `i18n/site-i18next.ts` with it, in a chunk of their own) only when a
 * site gives an instance, then keeps it. Only types come from i18next: the
 * instance is the site's.
 */
export class SiteI18nextController implements ReactiveController {
  readonly #instanceOf: () => i18n | undefined;
  readonly #onLanguageChange: () => void;
  #followed: i18n | undefined;
  #unfollow: (() => void) | undefined;

  /** `instanceOf` reads the host's current instance; `onLanguageChange` rebuilds its texts. */
  constructor(host: ReactiveControllerHost, instanceOf: () => i18n | undefined, onLanguageChange: () => void) {
    this.#instanceOf = instanceOf;
    this.#onLanguageChange = onLanguageChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow(this.#instanceOf());
  }

  hostUpdate(): void {
    const instance = this.#instanceOf();
    if (instance !== this.#followed) this.#follow(instance);
  }

  hostDisconnected(): void {
    this.#follow(undefined);
  }

  /** The translator over `instance` (see `i18n/site-i18next.ts` for how the texts are added to it). */
  translator(instance: i18n, overridesIn: (language: string) => TextOverrides): Promise<Translator> {
    return siteI18nextTranslator(instance, overridesIn);
  }

  #follow(instance: i18n | undefined): void {
    this.#unfollow?.();
    this.#unfollow = undefined;
    this.#followed = instance;
    if (!instance) return;
    const onLanguageChanged = () => this.#onLanguageChange();
    instance.on('languageChanged', onLanguageChanged);
    this.#unfollow = () => instance.off('languageChanged', onLanguageChanged);
  }
}
