/**
 * Which texts `<parley-chat>` gives its elements. Before the window's chunk
 * arrives: the static translator over the `launcher` texts of the language;
 * after: the same translator over every part. Both get the same overrides
 * (the site's settings, then the page's), so no text changes when the
 * window's texts arrive. (With a site's i18next instance, see
 * `site-i18next.ts` instead.)
 */
import { matchLanguage, pickLanguage, type Language } from '../i18n/languages.js';
import { createStaticTranslator, overridesFor, type TextOverrides, type Translator } from '../i18n/translator.js';
import { LAUNCHER_TEXTS } from '../locales/load-launcher.js';

/** What the window's chunk offers to build the full translator. */
export type FullTranslatorFactory = (language: Language, overrides: TextOverrides) => Promise<Translator>;

/** The language to speak: the page's choice if shipped, else the visitor's first shipped preference. */
export function resolveLanguage(requested: string, preferences: readonly string[]): Language {
  return (requested ? matchLanguage(requested) : undefined) ?? pickLanguage(preferences);
}

/** The site's overrides, then the page's over them, resolved for `language`. */
export function combinedOverrides(site: TextOverrides | undefined, page: TextOverrides | undefined, language: string): TextOverrides {
  return { ...overridesFor(site, language), ...overridesFor(page, language) };
}

export async function buildTranslator(language: Language, overrides: TextOverrides, full?: FullTranslatorFactory): Promise<Translator> {
  if (full) return full(language, overrides);
  return createStaticTranslator(language, (await LAUNCHER_TEXTS[language]()).default, overrides);
}
