/**
 * The widget's own translator is i18next-compatible: for every shipped
 * language, every key of every part, with and without the site's overrides,
 * at counts that reach each plural category, with values in every
 * placeholder, it gives the same string as real i18next — both as the widget
 * used to configure it (`createI18nextTranslator`) and through a site's
 * instance with i18next's default options (`siteI18nextTranslator`).
 */
import { expect } from '@open-wc/testing';
import i18next from 'i18next';

import { createI18nextTranslator } from '../../src/i18n/i18next-translator.js';
import { LANGUAGES, type Language } from '../../src/i18n/languages.js';
import { siteI18nextTranslator } from '../../src/i18n/site-i18next.js';
import { createStaticTranslator, overridesFor, type TextOverrides, type TextResources, type TextValues, type Translator } from '../../src/i18n/translator.js';
import { loadTexts, TEXT_PARTS } from '../../src/locales/load.js';

const COUNTS = [0, 1, 2, 5, 11, 21, 101];
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Would show as entities if either side escaped HTML. */
const VALUE = `O'Brien & <Ada>`;

interface Lookup {
  readonly key: string;
  readonly values?: TextValues;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!);

/** What elements ask for: each key (a plural family by its base, at every count), with and without values for its placeholders. */
function lookupsOf(texts: TextResources): Lookup[] {
  const lookups: Lookup[] = [{ key: 'no.such.text' }, { key: 'no.such.text', values: { count: 2, name: VALUE } }];
  const bases = new Set(Object.keys(texts).map((key) => key.replace(PLURAL, '')));
  for (const key of bases) {
    const names = new Set(Object.entries(texts).flatMap(([k, text]) => (k.replace(PLURAL, '') === key ? placeholders(text) : [])));
    const values = Object.fromEntries([...names].filter((name) => name !== 'count').map((name) => [name, VALUE]));
    lookups.push({ key }, { key, values });
    const isPlural = Object.keys(texts).some((k) => k !== key && k.replace(PLURAL, '') === key);
    if (isPlural) for (const count of COUNTS) lookups.push({ key, values: { ...values, count } });
  }
  return lookups;
}

/**
 * A site's overrides touching every way a text can be chosen: plain keys,
 * this language's `<language>/` keys over them, another language's (ignored),
 * a plural family's bare key and single forms, a key nothing ships.
 */
function overridesOf(language: Language, texts: TextResources): TextOverrides {
  const overrides: Record<string, string> = {
    'launcher.unread': 'site: {{count}} new',
    'launcher.unread_zero': 'site: nothing new',
    'site.extra': 'Extra {{name}}',
    'xx/launcher.open': 'never shown',
  };
  for (const [i, key] of Object.keys(texts).entries()) {
    if (i % 3 === 0) overrides[key] = `site ${key} {{name}}`;
    if (i % 5 === 0) overrides[`${language}/${key}`] = `${language} site ${key}`;
  }
  return overrides;
}

/** Every lookup where the two translators disagree, described. */
function differences(ours: Translator, theirs: Translator, lookups: readonly Lookup[]): string[] {
  const found: string[] = [];
  for (const { key, values } of lookups) {
    const a = ours.t(key, values);
    const b = theirs.t(key, values);
    if (a !== b) found.push(`${key} ${JSON.stringify(values ?? {})}: ours "${a}", i18next "${b}"`);
  }
  return found;
}

/** A site's instance as i18next sets it up by default (key separator `.`, HTML escaping on, fallback `dev`). */
async function siteInstance(language: string) {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: {} });
  return instance;
}

describe('the widget translator gives what i18next gives', () => {
  for (const language of LANGUAGES) {
    it(`${language}: every key of every part, with and without overrides, at every plural count`, async () => {
      const texts = await loadTexts(language, TEXT_PARTS);
      const overrides = overridesOf(language, texts);
      const lookups = lookupsOf({ ...texts, ...overridesFor(overrides, language) });
      expect(lookups.length).to.be.greaterThan(100);

      for (const given of [undefined, overrides]) {
        const ours = createStaticTranslator(language, texts, given);
        const widgetI18next = createI18nextTranslator({ language, resources: texts, ...(given && { overrides: given }) });
        expect(differences(ours, widgetI18next, lookups), `${language}, overrides: ${Boolean(given)}`).to.deep.equal([]);

        const site = await siteI18nextTranslator(await siteInstance(language), (lng) => overridesFor(given, lng));
        expect(differences(ours, site, lookups), `${language} through a site's instance, overrides: ${Boolean(given)}`).to.deep.equal([]);
      }
    });
  }

  it('the comparison catches a translator that is not i18next-compatible', async () => {
    // The static translator as it was: overrides merged into the texts, so a
    // bare plural key overridden never beats the shipped `_one`/`_other`.
    const texts = await loadTexts('ru', TEXT_PARTS);
    const overrides = overridesOf('ru', texts);
    const merged = createStaticTranslator('ru', { ...texts, ...overridesFor(overrides, 'ru') });
    const i18nextOne = createI18nextTranslator({ language: 'ru', resources: texts, overrides });
    const found = differences(merged, i18nextOne, lookupsOf(texts));
    expect(found).to.not.deep.equal([]);
    expect(found.every((difference) => difference.startsWith('launcher.unread '))).to.equal(true);
  });
});
