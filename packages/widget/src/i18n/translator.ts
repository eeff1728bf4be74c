/**
 * What elements need from i18n, whatever engine is behind it: a `t()`, the
 * language and its direction. The widget's first chunk uses
 * {@link createStaticTranslator} (no i18next yet); the window's chunk swaps in
 * the i18next-backed one built from the same resources and overrides, so a
 * text never differs between the two.
 */

/** Flat texts by key (`"composer.send"`); plural forms end in `_one`, `_other`, … as in i18next. */
export type TextResources = Readonly<Record<string, string>>;

/**
 * A site's text overrides (its settings' `texts`, or the page's): a plain key
 * overrides that text in every language; `"<language>/<key>"` (e.g.
 * `"ja/launcher.online"`) only in that language, and wins over the plain key.
 */
export type TextOverrides = Readonly<Record<string, string>>;

/** Values interpolated into `{{name}}` placeholders; a numeric `count` picks the plural form. */
export type TextValues = Readonly<Record<string, string | number>>;

export interface Translator {
  /** BCP 47 tag of the language texts are in. */
  readonly language: string;
  readonly dir: 'ltr' | 'rtl';
  /** The text for `key` with `values` interpolated; the key itself when no text exists. */
  t(key: string, values?: TextValues): string;
}

const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/** Text direction of a language. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The overrides that apply in `language`: plain keys, then `<language>/` keys over them. */
export function overridesFor(texts: TextOverrides | undefined, language: string): Record<string, string> {
  const plain: Record<string, string> = {};
  const own: Record<string, string> = {};
  const prefix = `${language}/`;
  for (const [key, text] of Object.entries(texts ?? {})) {
    if (typeof text !== 'string') continue;
    if (key.startsWith(prefix)) own[key.slice(prefix.length)] = text;
    else if (!key.includes('/')) plain[key] = text;
  }
  return { ...plain, ...own };
}

/** Replaces `{{name}}` placeholders, as i18next does with `escapeValue: false` (Lit renders text as text). */
export function interpolate(text: string, values: TextValues | undefined): string {
  if (!values) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A translator over plain resources, without i18next: lookups with i18next's
 * plural suffixes (`_one`, `_other`, … from `Intl.PluralRules`) and
 * `{{name}}` interpolation. Used before i18next is loaded.
 */
export function createStaticTranslator(language: string, resources: TextResources, overrides?: TextOverrides): Translator {
  const texts: TextResources = { ...resources, ...overridesFor(overrides, language) };
  let plurals: Intl.PluralRules | undefined;
  const lookup = (key: string, count: unknown): string | undefined => {
    if (typeof count === 'number') {
      plurals ??= new Intl.PluralRules(language);
      return texts[`${key}_${plurals.select(count)}`] ?? texts[`${key}_other`] ?? texts[key];
    }
    return texts[key];
  };
  return {
    language,
    dir: directionOf(language),
    t: (key, values) => interpolate(lookup(key, values?.count) ?? key, values),
  };
}
