import { WIDGET_WARNINGS, warnOnce } from '../internal/dev-warning.js';
import type { Translator } from './translator.js';

/** Shows keys: what an element renders when nothing provides texts (a dev warning says so). */
const keysOnly: Translator = {
  language: 'en',
  dir: 'ltr',
  t: (key) => {
    warnOnce(WIDGET_WARNINGS.noTranslator, 'An element has no translator: put it inside <parley-chat>, provide one with provideTranslator(), or call setDefaultTranslator().');
    return key;
  },
};

let fallback: Translator = keysOnly;

/**
 * The translator elements use when no provider is above them. `import
 * '@parley/widget'` sets an English one; the script-tag bundle always has a
 * provider and leaves it alone, so English texts are not downloaded twice.
 */
export function setDefaultTranslator(translator: Translator): void {
  fallback = translator;
}

export function defaultTranslator(): Translator {
  return fallback;
}
