import type { i18n } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { TextOverrides, Translator } from '../i18n/translator.js';

/**
 * `<parley-chat>`'s link to a site's i18next instance: while the element is
 * connected, it follows the instance's language (the site's
 * `changeLanguage`), and it builds the translator from a chunk of its own,
 * fetched only when a site gives an instance. Only types come from i18next:
 * the instance is the site's.
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
  async translator(instance: i18n, overridesIn: (language: string) => TextOverrides): Promise<Translator> {
    const { siteI18nextTranslator } = await import('../i18n/site-i18next.js');
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
