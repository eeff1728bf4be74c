import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient, AgentEvents, Evaluation, SessionInfo } from '@parley/core';
import { ClientController, LocalizeController, ParleyElement } from '@parley/widget/shared';
import { errorText } from '../internal/errors.js';
import { evaluationFormStyles } from './evaluation-form.styles.js';

const FIELDS = ['topic', 'level', 'category', 'notes'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The agent's evaluation of a chat (A10): topic, level, category and notes,
 * during the chat or after it. Level and category are menus when the site
 * gives their options, free text otherwise.
 *
 * @tagname parley-evaluation-form
 * @summary Evaluate a chat: topic, level, category, notes.
 *
 * @event parley-evaluation-save - The evaluation was recorded. `detail: { session }`.
 *
 * @csspart base - The form.
 * @csspart topic - The topic field. Also `level`, `category`, `notes`.
 * @csspart submit - The save button.
 */
export class EvaluationForm extends ParleyElement {
  static override styles = evaluationFormStyles;

  @property({ attribute: false })
  get client(): AgentClient | undefined {
    return this.#client;
  }
  set client(client: AgentClient | undefined) {
    this.#client = client;
    this.#events.client = client;
  }

  @property({ attribute: 'session-id' }) sessionId = '';

  /** Options of the level menu (e.g. `["Resolved", "Partly", "Unresolved"]`); empty: free text. */
  @property({ type: Array }) levels: readonly string[] = [];

  /** Options of the category menu; empty: free text. */
  @property({ type: Array }) categories: readonly string[] = [];

  @state() private values: Readonly<Record<Field, string>> = { topic: '', level: '', category: '', notes: '' };
  @state() private saving = false;
  @state() private message = '';
  @state() private error = '';

  #client: AgentClient | undefined;
  readonly #events = new ClientController<AgentEvents>(this, { events: ['session', 'status'] });
  readonly #l10n = new LocalizeController(this);

  get session(): SessionInfo | undefined {
    return this.#client?.sessionById(this.sessionId);
  }

  /** Records the evaluation as the save button does (events included). */
  async save(evaluation: Evaluation = this.#evaluation()): Promise<SessionInfo | undefined> {
    const client = this.#client;
    if (!client || this.saving) return undefined;
    this.saving = true;
    this.error = '';
    this.message = '';
    try {
      const session = await client.evaluate(this.sessionId, evaluation);
      this.message = this.#l10n.t('evaluation.saved');
      this.emit('parley-evaluation-save', { session });
      return session;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'evaluation.failed');
      return undefined;
    } finally {
      this.saving = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') || changed.has('client')) {
      const saved = this.session?.evaluation ?? {};
      this.values = { topic: saved.topic ?? '', level: saved.level ?? '', category: saved.category ?? '', notes: saved.notes ?? '' };
      this.message = '';
      this.error = '';
    }
  }

  #evaluation(): Evaluation {
    const out: Record<string, string> = {};
    for (const field of FIELDS) {
      const value = this.values[field].trim();
      if (value) out[field] = value;
    }
    return out;
  }

  #set(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.message = '';
  }

  protected override render(): TemplateResult {
    const t = (key: string) => this.#l10n.t(key);
    const mayEvaluate = this.#client?.permissions.includes('evaluate') ?? false;
    return html`<form part="base" class="panel" aria-labelledby="heading" @submit=${this.#onSubmit}>
      <h2 id="heading" class="heading">${t('evaluation.heading')}</h2>
      <div class="evaluation__grid">
        ${this.#renderText('topic')} ${this.#renderChoice('level', this.levels)} ${this.#renderChoice('category', this.categories)}
      </div>
      <div class="field">
        <label for="notes">${t('evaluation.notes')}</label>
        <textarea id="notes" part="notes" rows="3" maxlength="4000" .value=${this.values.notes} @input=${(e: Event) => this.#set('notes', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="row">
        <button part="submit" class="button button--primary" type="submit" ?disabled=${this.saving || !mayEvaluate || !this.session}>${t('evaluation.save')}</button>
        ${this.message ? html`<span class="success" role="status">${this.message}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </form>`;
  }

  #renderText(field: Field): TemplateResult {
    return html`<div class="field">
      <label for=${field}>${this.#l10n.t(`evaluation.${field}`)}</label>
      <input id=${field} part=${field} maxlength="256" .value=${this.values[field]} @input=${(e: Event) => this.#set(field, (e.target as HTMLInputElement).value)} />
    </div>`;
  }

  #renderChoice(field: Field, options: readonly string[]): TemplateResult {
    if (options.length === 0) return this.#renderText(field);
    const value = this.values[field];
    return html`<div class="field">
      <label for=${field}>${this.#l10n.t(`evaluation.${field}`)}</label>
      <select id=${field} part=${field} @change=${(e: Event) => this.#set(field, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${value === ''}>${this.#l10n.t('evaluation.none')}</option>
        ${options.map((o) => html`<option .value=${o} ?selected=${o === value}>${o}</option>`)}
        ${value && !options.includes(value) ? html`<option .value=${value} selected>${value}</option>` : nothing}
      </select>
    </div>`;
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.save();
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-evaluation-save': CustomEvent<{ readonly session: SessionInfo }>;
  }
}
