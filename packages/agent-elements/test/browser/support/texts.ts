/** Gives the elements under `document.body` the agent texts, as a page placing them on their own does. */
import type { TranslatorProvider } from '@parley/widget/shared';
import { provideAgentTranslator } from '../../../src/index.js';

let provider: TranslatorProvider | undefined;

export async function useAgentTexts(language = 'en'): Promise<void> {
  provider?.dispose();
  provider = await provideAgentTranslator(document.body, { language });
}

export function dropAgentTexts(): void {
  provider?.dispose();
  provider = undefined;
}
