import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

import { ParleyElement } from '../base/parley-element.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { queueStatusStyles } from './queue-status.styles.js';

/**
 * The visitor's place in the queue while waiting for an agent, announced
 * politely as it changes.
 *
 * @tagname parley-queue-status
 * @summary "You are number 3 in the queue", live.
 *
 * @csspart base - The status line.
 * @csspart position - The number.
 *
 * @cssproperty --parley-queue-status-background - Behind the line. Default `--parley-color-surface-alt`.
 * @cssproperty --parley-queue-status-color - Its text. Default `--parley-color-on-surface`.
 */
export class QueueStatus extends ParleyElement {
  static override styles = queueStatusStyles;

  /** 1-based place in the queue; 0 or absent while unknown. */
  @property({ type: Number }) position = 0;

  readonly #l10n = new LocalizeController(this);

  protected override render(): TemplateResult {
    const t = this.#l10n.translator.t;
    return html`<p part="base" class="queue" role="status">
      ${this.position > 0 ? html`<span part="position" class="queue__position" aria-hidden="true">${this.position}</span>` : nothing}
      <span>${this.position > 0 ? t('queue.position', { position: this.position }) : t('queue.waiting')}</span>
    </p>`;
  }
}
