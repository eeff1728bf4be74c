import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { ParleyElement } from '../base/parley-element.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { ratingStyles } from './rating.styles.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The satisfaction rating: a score from 1 to 5 (radio buttons, so arrow keys
 * move between them) and an optional comment; a thank-you once sent.
 *
 * @tagname parley-rating
 * @summary Rate the chat: a score of 1 to 5 and a comment.
 *
 * @event parley-rating-submit - The visitor rates: `detail.score` (1–5) and `detail.comment` (absent when empty).
 *
 * @csspart base - The form.
 * @csspart star - One score's star.
 * @csspart comment - The comment box.
 * @csspart submit - The send button.
 * @csspart thanks - The thank-you shown once `done`.
 *
 * @cssproperty --parley-rating-star-color - Chosen stars. Default `--parley-color-accent`.
 */
export class Rating extends ParleyElement {
  static override styles = ratingStyles;

  /** The rating was sent: show the thank-you. */
  @property({ type: Boolean, reflect: true }) done = false;

  /** Sending: the button waits. */
  @property({ type: Boolean }) busy = false;

  @state() private score = 0;
  @state() private missing = false;

  readonly #l10n = new LocalizeController(this);

  /** Focuses the first star. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('input, [part=thanks]')?.focus(options);
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    if (this.score === 0) {
      this.missing = true;
      return;
    }
    const comment = (this.renderRoot.querySelector('textarea')?.value ?? '').trim();
    this.emit('parley-rating-submit', { score: this.score, ...(comment && { comment }) });
  }

  protected override render(): TemplateResult {
    const t = this.#l10n.translator.t;
    if (this.done) return html`<p part="thanks" class="rating__thanks" role="status" tabindex="-1">${t('rating.thanks')}</p>`;
    return html`<form part="base" class="rating" @submit=${this.#onSubmit}>
      <fieldset class="rating__scores" aria-describedby=${this.missing ? 'rating-missing' : nothing}>
        <legend class="rating__legend">${t('rating.title')}</legend>
        ${SCORES.map(
          (score) => html`<label class="rating__score">
            <input type="radio" name="score" .value=${String(score)} .checked=${this.score === score} @change=${() => ((this.score = score), (this.missing = false))} />
            <span part="star" class="rating__star ${score <= this.score ? 'rating__star--on' : ''}" aria-hidden="true">★</span>
            <span class="visually-hidden">${t('rating.score', { score, label: t(`rating.${score}`) })}</span>
          </label>`,
        )}
      </fieldset>
      <p class="rating__choice" aria-hidden="true">${this.score ? t(`rating.${this.score}`) : ''}</p>
      ${this.missing ? html`<p class="rating__error" id="rating-missing" role="alert">${t('rating.missing')}</p>` : nothing}
      <label class="rating__comment">${t('rating.comment')}<textarea part="comment" dir="auto" maxlength="2000"></textarea></label>
      <button part="submit" class="rating__submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('rating.submit')}</button>
    </form>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-rating>`: the visitor rates the chat. */
    'parley-rating-submit': CustomEvent<{ readonly score: number; readonly comment?: string }>;
  }
}
