/** Makes elements outside any provider speak English, as `import '@parley/widget'` does. */
import { setDefaultTranslator } from '../../../src/i18n/default-translator.js';
import { createStaticTranslator } from '../../../src/i18n/translator.js';
import launcher from '../../../src/locales/en/launcher.js';
import messages from '../../../src/locales/en/messages.js';
import windowTexts from '../../../src/locales/en/window.js';

export const ENGLISH = { ...launcher, ...messages, ...windowTexts };

export function useEnglish(): void {
  setDefaultTranslator(createStaticTranslator('en', ENGLISH));
}
