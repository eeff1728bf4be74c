/**
 * What elements need from i18n, whatever engine is behind it: a `t()`, the
 * language and its direction. The widget's own translator is
 * {@link createStaticTranslator}: it resolves texts exactly as i18next would
 * from the same resources (a differential test holds it to that), without
 * i18next's 14 KB. A site that already runs i18next can hand its instance to
 * `<parley-chat>` instead (`translatorFromI18next`).
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
 * The keys i18next tries for `key`, most specific first: with a numeric
 * `count`, `_zero` (for 0, in every language), then the language's plural
 * form (`_one`, `_few`, … from `Intl.PluralRules`), then the bare key.
 * i18next has no `_other` fallback, so neither do we.
 */
function lookupKeys(key: string, count: unknown, plurals: () => Intl.PluralRules): readonly string[] {
  if (typeof count !== 'number') return [key];
  const form = `${key}_${plurals().select(count)}`;
  return count === 0 ? [`${key}_zero`, form, key] : [form, key];
}

/**
 * A translator over plain resources, resolving as i18next does with
 * Parley's setup (flat keys; the overrides' namespace before the shipped
 * one; no fallback language): each layer, overrides first, is searched for
 * every candidate key before the next layer is. So a plain `launcher.unread`
 * override wins over the shipped `launcher.unread_one`, as in i18next. A key
 * with no text renders as itself.
 */
export function createStaticTranslator(language: string, resources: TextResources, overrides?: TextOverrides): Translator {
  const layers: readonly TextResources[] = [overridesFor(overrides, language), resources];
  let rules: Intl.PluralRules | undefined;
  const plurals = () => (rules ??= new Intl.PluralRules(language));
  const lookup = (key: string, count: unknown): string | undefined => {
    const keys = lookupKeys(key, count, plurals);
    for (const layer of layers) {
      for (const candidate of keys) if (Object.hasOwn(layer, candidate)) return layer[candidate];
    }
    return undefined;
  };
  return {
    language,
    dir: directionOf(language),
    t: (key, values) => interpolate(lookup(key, values?.count) ?? key, values),
  };
}
