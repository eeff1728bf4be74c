import { expect } from '@open-wc/testing';
import { LANGUAGES } from '@parley/widget/shared';
import { loadAgentTexts } from '../../src/locales/load.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys a language must have for every key of English: plural families need each of the language's own categories. */
function expectedKeys(english: readonly string[], language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english) {
    if (PLURAL.test(key)) for (const category of categories) keys.add(key.replace(PLURAL, `_${category}`));
    else keys.add(key);
  }
  return [...keys].sort();
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('agent texts in every shipped language', () => {
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language} has every text English has, and no other`, async () => {
      const english = await loadAgentTexts('en');
      const texts = await loadAgentTexts(language);
      expect(Object.keys(texts).sort()).to.deep.equal(expectedKeys(Object.keys(english), language));
      for (const [key, value] of Object.entries(texts)) {
        expect(String(value).trim(), `${language} ${key}`).to.not.equal('');
        if (!PLURAL.test(key)) expect(placeholders(String(value)), `${language} ${key} placeholders`).to.deep.equal(placeholders(String(english[key])));
      }
    });
  }
});
