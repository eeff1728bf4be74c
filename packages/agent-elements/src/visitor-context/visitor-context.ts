import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient, PageView, SessionInfo, VisitorDetail, VisitorInfo } from '@parley/core';
import { LocalizeController, ParleyElement, safeHref } from '@parley/widget/shared';
import { errorText } from '../internal/errors.js';
import { formatClock, formatDateTime, formatDuration } from '../internal/format.js';
import { summariseUserAgent } from '../internal/user-agent.js';
import { visitorContextStyles } from './visitor-context.styles.js';

/** The most fields a customer card holds (the protocol's limit). */
const CARD_FIELDS = 50;

type CardRow = { readonly key: string; readonly value: string };

/**
 * What the agent knows of a visitor (A11): who they are, their trajectory
 * (every page of this visit with its dwell time), the customer card agents keep
 * about them (editable by agents who may), and all their earlier chats. While
 * the client watches the live visitor list, the trajectory follows the visitor:
 * a new page view fetches the context again.
 *
 * @tagname parley-visitor-context
 * @summary A visitor's trajectory timeline, editable customer card and earlier chats.
 *
 * @event parley-card-save - The customer card was saved. `detail: { visitor }`.
 *
 * @csspart base - The whole context.
 * @csspart facts - The visitor's facts.
 * @csspart timeline - The trajectory.
 * @csspart page - One page of the trajectory.
 * @csspart card - The customer card form.
 * @csspart card-save - Its save button.
 * @csspart sessions - The earlier chats.
 *
 * @cssproperty --parley-visitor-context-timeline-color - The trajectory's line. Default `--parley-color-border`.
 */
export class VisitorContext extends ParleyElement {
  static override styles = visitorContextStyles;

  @property({ attribute: false }) client: AgentClient | undefined;

  @property({ attribute: 'visitor-id' }) visitorId = '';

  @state() private detail: VisitorDetail | undefined;
  @state() private card: readonly CardRow[] = [];
  @state() private loading = false;
  @state() private error = '';
  @state() private saved = false;

  readonly #l10n = new LocalizeController(this);
  #request = 0;
  #stopWatching: (() => void) | undefined;

  /** Fetches the visitor's context again. */
  async refresh(): Promise<void> {
    const client = this.client;
    const visitorId = this.visitorId;
    if (!client || !visitorId) {
      this.detail = undefined;
      return;
    }
    const request = ++this.#request;
    this.loading = true;
    this.error = '';
    try {
      const detail = await client.visitorDetail(visitorId);
      if (request !== this.#request) return;
      this.detail = detail;
      this.card = Object.entries(detail.visitor.card ?? {}).map(([key, value]) => ({ key, value }));
    } catch (error) {
      if (request === this.#request) this.error = errorText(error, (key) => this.#l10n.t(key), 'context.failed');
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Saves the card as its save button does (events included). */
  async saveCard(card: Readonly<Record<string, string>> = this.#cardRecord()): Promise<VisitorInfo | undefined> {
    const client = this.client;
    if (!client || !this.visitorId) return undefined;
    this.error = '';
    try {
      const visitor = await client.updateCard(this.visitorId, card);
      if (this.detail) this.detail = { ...this.detail, visitor };
      this.saved = true;
      this.emit('parley-card-save', { visitor });
      return visitor;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'context.cardFailed');
      return undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#watch();
    if (changed.has('visitorId') || changed.has('client')) {
      this.detail = undefined;
      this.saved = false;
      void this.refresh();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  /** Live trajectory: the visitor list's updates say when the shown visitor saw another page. */
  #watch(): void {
    this.#stopWatching?.();
    this.#stopWatching = this.isConnected
      ? this.client?.on('visitors', ({ added, updated }) => {
          const shown = this.detail?.visitor;
          const now = [...added, ...updated].find((v) => v.id === this.visitorId);
          if (shown && now && now.pageViews !== shown.pageViews) void this.refresh();
        })
      : undefined;
  }

  #cardRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { key, value } of this.card) if (key.trim()) out[key.trim()] = value;
    return out;
  }

  /** Changes one field of the card (`undefined` removes it). */
  #editCard(index: number, patch: Partial<CardRow> | undefined): void {
    const next = [...this.card];
    if (patch) next[index] = { ...next[index]!, ...patch };
    else next.splice(index, 1);
    this.card = next;
    this.saved = false;
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const detail = this.detail;
    return html`<div part="base" class="panel" aria-busy=${this.loading ? 'true' : 'false'}>
      ${!this.visitorId ? html`<p class="muted">${t('context.none')}</p>` : nothing}
      ${this.loading && !detail ? html`<p class="muted" role="status">${t('context.loading')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${detail
        ? html`${this.#renderFacts(detail.visitor)} ${this.#renderTrajectory(detail.pageViews)} ${this.#renderCard()}
          ${this.#renderSessions(detail.sessions)}`
        : nothing}
    </div>`;
  }

  #renderFacts(v: VisitorInfo): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const facts: [string, string | undefined][] = [
      ['context.name', v.name ?? v.member?.name],
      ['context.id', v.id],
      ['context.visits', String(v.visitCount)],
      ['context.location', v.location],
      ['context.ip', v.ip],
      ['context.language', v.language],
      ['context.browser', v.userAgent && summariseUserAgent(v.userAgent)],
      ['context.referrer', v.referrer],
      ['context.keyword', v.keyword && (v.searchEngine ? `${v.keyword} (${v.searchEngine})` : v.keyword)],
      ['context.entered', formatDateTime(v.enteredAt, this.#l10n.language)],
    ];
    return html`<section aria-labelledby="facts-heading">
      <div class="row">
        <h2 id="facts-heading" class="heading">${t('context.visitor')}</h2>
        <button class="button" type="button" @click=${() => void this.refresh()}>${t('context.refresh')}</button>
      </div>
      <dl part="facts" class="facts">
        ${facts
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([key, value]) => html`<dt>${t(key)}</dt><dd dir="auto">${value}</dd>`)}
      </dl>
    </section>`;
  }

  #renderTrajectory(views: readonly PageView[]): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const ordered = [...views].sort((a, b) => a.at - b.at);
    return html`<section aria-labelledby="trajectory-heading">
      <h2 id="trajectory-heading" class="heading">${t('context.trajectory', { count: ordered.length })}</h2>
      ${ordered.length === 0
        ? html`<p class="muted">${t('context.noPages')}</p>`
        : html`<ol part="timeline" class="timeline">
            ${ordered.map((view, i) => {
              const href = safeHref(view.url);
              const title = view.title || view.url;
              return html`<li part="page" class="timeline__item ${i === ordered.length - 1 ? 'timeline__item--current' : ''}">
                ${href
                  ? html`<a class="timeline__title" href=${href} target="_blank" rel="noopener noreferrer" dir="auto">${title}</a>`
                  : html`<span class="timeline__title" dir="auto">${title}</span>`}
                <span class="timeline__meta">
                  ${t('context.pageMeta', { time: formatClock(view.at, this.#l10n.language), dwell: formatDuration(view.dwellMs) })}
                  ${view.keyword ? html` · ${t('context.searched', { keyword: view.keyword })}` : nothing}
                </span>
              </li>`;
            })}
          </ol>`}
    </section>`;
  }

  #renderCard(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const mayEdit = this.client?.permissions.includes('visitors.edit') ?? false;
    return html`<section aria-labelledby="card-heading">
      <h2 id="card-heading" class="heading">${t('context.card')}</h2>
      <form part="card" class="panel" @submit=${(e: Event) => (e.preventDefault(), void this.saveCard())}>
        ${this.card.length === 0 ? html`<p class="muted">${t('context.cardEmpty')}</p>` : nothing}
        ${this.card.map(
          (row, i) => html`<div class="card__row">
            <input aria-label=${t('context.cardKey', { n: i + 1 })} maxlength="256" ?readonly=${!mayEdit} .value=${row.key}
              @input=${(e: Event) => this.#editCard(i, { key: (e.target as HTMLInputElement).value })} />
            <input aria-label=${t('context.cardValue', { n: i + 1 })} maxlength="4000" ?readonly=${!mayEdit} .value=${row.value}
              @input=${(e: Event) => this.#editCard(i, { value: (e.target as HTMLInputElement).value })} />
            ${mayEdit ? html`<button class="button" type="button" aria-label=${t('context.cardRemove', { n: i + 1 })} @click=${() => this.#editCard(i, undefined)}>✕</button>` : nothing}
          </div>`,
        )}
        ${mayEdit
          ? html`<div class="row">
              <button class="button" type="button" ?disabled=${this.card.length >= CARD_FIELDS}
                @click=${() => ((this.card = [...this.card, { key: '', value: '' }]), (this.saved = false))}>${t('context.cardAdd')}</button>
              <button part="card-save" class="button button--primary" type="submit">${t('context.cardSave')}</button>
              ${this.saved ? html`<span class="success" role="status">${t('context.cardSaved')}</span>` : nothing}
            </div>`
          : nothing}
      </form>
    </section>`;
  }

  #renderSessions(sessions: readonly SessionInfo[]): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const ordered = [...sessions].sort((a, b) => b.createdAt - a.createdAt);
    return html`<section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" class="heading">${t('context.sessions', { count: ordered.length })}</h2>
      ${ordered.length === 0
        ? html`<p class="muted">${t('context.noSessions')}</p>`
        : html`<ul part="sessions" class="list">
            ${ordered.map(
              (s) => html`<li class="sessions__item" data-session-id=${s.id}>
                <span>${formatDateTime(s.createdAt, this.#l10n.language)}</span> ·
                <span>${t(`conversations.state.${s.state}`)}</span>
                ${s.agentName ? html` · <span dir="auto">${s.agentName}</span>` : nothing}
                ${s.rating ? html` · <span>${t('context.rating', { score: s.rating.score })}</span>` : nothing}
                ${s.evaluation?.topic ? html` · <span dir="auto">${s.evaluation.topic}</span>` : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-card-save': CustomEvent<{ readonly visitor: VisitorInfo }>;
  }
}
