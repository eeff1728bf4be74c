/**
 * What the visitor is typing, shown apart from the messages (it is not sent):
 * the draft when the site enables typing preview, else only that they type.
 * Not a live region: it changes with every keystroke.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TypingState } from '@parley/core';

export function renderTypingPreview(typing: TypingState | undefined, t: (key: string) => string): TemplateResult | typeof nothing {
  if (!typing?.active) return nothing;
  return html`<div part="typing-preview" class="typing-preview" role="region" aria-label=${t('conversation.preview')}>
    <span class="typing-preview__label">${typing.draft ? t('conversation.previewLabel') : t('conversation.typing')}</span>
    ${typing.draft ? html`<span class="typing-preview__draft" dir="auto">${typing.draft}</span>` : nothing}
  </div>`;
}
