/** The languages the widget ships complete. `ar` proves right-to-left. */
export const LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'ru', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

/** The shipped language for one BCP 47 tag, if any (`zh-Hant-HK` → `zh-TW`, `ja-JP` → `ja`). */
export function matchLanguage(tag: string): Language | undefined {
  const lower = tag.toLowerCase();
  const exact = LANGUAGES.find((language) => language.toLowerCase() === lower);
  if (exact) return exact;
  const [base, ...rest] = lower.split('-');
  if (base === 'zh') {
    return rest.some((part) => part === 'hant' || part === 'tw' || part === 'hk' || part === 'mo') ? 'zh-TW' : 'zh-CN';
  }
  return LANGUAGES.find((language) => language === base);
}

/**
 * The first shipped language among the visitor's preferences
 * (`navigator.languages`), else English.
 */
export function pickLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}
