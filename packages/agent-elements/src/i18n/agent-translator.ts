/**
 * The console's texts: the agent elements' own and the widget's message list
 * and composer (shared), in the agent's language with English behind, through
 * i18next. `<parley-console>` provides it to every element inside; a page that
 * places the elements on their own provides it once on a container.
 */
import { createI18nextTranslator } from '@parley/widget/i18next';
import {
  FALLBACK_LANGUAGE,
  loadTexts,
  matchLanguage,
  pickLanguage,
  provideTranslator,
  type Language,
  type TextOverrides,
  type TextResources,
  type Translator,
  type TranslatorProvider,
} from '@parley/widget/shared';
import { loadAgentTexts } from '../locales/load.js';

export interface AgentTranslatorOptions {
  /** A BCP 47 tag, or the agent's preferences (`navigator.languages`, the default). */
  readonly language?: string | readonly string[];
  /** Text overrides by key (`"queue.accept"`), or by `"<language>/<key>"` for one language. */
  readonly overrides?: TextOverrides;
}

/** The shipped language closest to the tag or preferences (English when none is shipped). */
export function agentLanguage(language: string | readonly string[] | undefined): Language {
  if (typeof language === 'string') return matchLanguage(language) ?? FALLBACK_LANGUAGE;
  return pickLanguage(language ?? (typeof navigator === 'undefined' ? [] : navigator.languages));
}

async function textsOf(language: Language): Promise<TextResources> {
  const [agent, shared] = await Promise.all([loadAgentTexts(language), loadTexts(language, ['messages'])]);
  return { ...shared, ...agent };
}

/** Loads the texts and builds the translator. */
export async function createAgentTranslator(options: AgentTranslatorOptions = {}): Promise<Translator> {
  const language = agentLanguage(options.language);
  const [resources, fallback] = await Promise.all([
    textsOf(language),
    language === FALLBACK_LANGUAGE ? undefined : textsOf(FALLBACK_LANGUAGE),
  ]);
  return createI18nextTranslator({
    language,
    resources,
    ...(options.overrides && { overrides: options.overrides }),
    ...(fallback && { fallback: { language: FALLBACK_LANGUAGE, resources: fallback } }),
  });
}

/**
 * Gives every agent element inside `host` (its light DOM and shadow roots
 * below) the agent's texts. Call again with another language to switch.
 *
 * ```ts
 * const texts = await provideAgentTranslator(document.body, { language: 'ja' });
 * // later: texts.set(await createAgentTranslator({ language: 'ko' }));
 * ```
 */
export async function provideAgentTranslator(host: HTMLElement, options: AgentTranslatorOptions = {}): Promise<TranslatorProvider> {
  return provideTranslator(host, await createAgentTranslator(options));
}
