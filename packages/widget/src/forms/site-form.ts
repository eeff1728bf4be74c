import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormField } from '@parley/core';

import { ParleyElement } from '../base/parley-element.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { siteFormStyles } from './site-form.styles.js';
import { answersOf, validateForm, type FieldProblem } from './validate.js';

const AUTOCOMPLETE: Readonly<Record<string, string>> = { name: 'name', email: 'email', phone: 'tel', tel: 'tel' };
let formCount = 0;

/**
 * A form of the site's fields (pre-chat, leave-a-message): labels, required
 * marks, the hub's validation rules with messages tied to their fields, focus
 * on the first problem. Subclasses name their texts and their submit event.
 */
export abstract class SiteForm extends ParleyElement {
  static override styles = siteFormStyles;

  /** The site's fields, in order (settings `preChatFields` or `offlineFields`). */
  @property({ attribute: false }) fields: readonly FormField[] = [];

  /** Answers to start with (e.g. what the visitor typed before). */
  @property({ attribute: false }) values: Readonly<Record<string, string>> = {};

  /** Sending: the submit button waits. */
  @property({ type: Boolean }) busy = false;

  /** A problem to show above the submit button (e.g. the server refused the form). */
  @property() error = '';

  /** A note to show at the top (e.g. "nobody can chat right now"). */
  @property() note = '';

  @state() private problems = new Map<string, FieldProblem>();
  @state() private answers: Record<string, string> = {};

  protected readonly l10n = new LocalizeController(this);
  readonly #id = `parley-form-${++formCount}`;

  /** Text keys: title, intro and submit button. */
  protected abstract readonly textKeys: { readonly title: string; readonly intro: string; readonly submit: string };

  /** Emits the subclass's submit event. */
  protected abstract submitted(fields: Record<string, string>): void;

  /** Focuses the first field (or the submit button when there is none). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.field__input, .form__submit')?.focus(options);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('values')) this.answers = { ...this.values, ...this.answers };
  }

  #value(name: string): string {
    return this.answers[name] ?? '';
  }

  #onInput(name: string, event: Event): void {
    this.answers = { ...this.answers, [name]: (event.target as HTMLInputElement).value };
    if (this.problems.has(name)) {
      const problems = new Map(this.problems);
      const now = validateForm(this.fields, this.answers).get(name);
      if (now) problems.set(name, now);
      else problems.delete(name);
      this.problems = problems;
    }
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.problems = validateForm(this.fields, this.answers);
    if (this.problems.size > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.submitted(answersOf(this.fields, this.answers));
  }

  #label(field: FormField): string {
    const key = `field.${field.name}`;
    const text = this.l10n.t(key);
    return text === key ? field.label : text;
  }

  #renderField(field: FormField): TemplateResult {
    const t = this.l10n.translator.t;
    const id = `${this.#id}-${field.name}`;
    const problem = this.problems.get(field.name);
    const label = this.#label(field);
    const common = {
      id,
      invalid: problem ? 'true' : 'false',
      describedBy: problem ? `${id}-error` : undefined,
    };
    const onInput = (e: Event) => this.#onInput(field.name, e);
    let control: TemplateResult;
    if (field.kind === 'textarea') {
      control = html`<textarea part="input" class="field__input" id=${common.id} name=${field.name} dir="auto" aria-required=${field.required ? 'true' : 'false'} aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing} .value=${this.#value(field.name)} @input=${onInput}></textarea>`;
    } else if (field.kind === 'select') {
      const chosen = this.#value(field.name);
      control = html`<select part="input" class="field__input" id=${common.id} name=${field.name} aria-required=${field.required ? 'true' : 'false'} aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing} @change=${onInput}>
        <option value="" ?selected=${chosen === ''}>${t('form.choose')}</option>
        ${(field.options ?? []).map((o) => {
          const key = `field.${field.name}.${o.value}`;
          const text = t(key);
          return html`<option value=${o.value} ?selected=${chosen === o.value}>${text === key ? o.label : text}</option>`;
        })}
      </select>`;
    } else {
      control = html`<input part="input" class="field__input" id=${common.id} name=${field.name} type=${field.kind} dir="auto" autocomplete=${AUTOCOMPLETE[field.name] ?? (field.kind === 'email' ? 'email' : field.kind === 'tel' ? 'tel' : 'off')} aria-required=${field.required ? 'true' : 'false'} aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing} .value=${this.#value(field.name)} @input=${onInput} />`;
    }
    return html`<div part="field" class="field">
      <label part="label" class="field__label" for=${id}>${label}${field.required ? html`<span aria-hidden="true"> *</span><span class="visually-hidden"> (${t('form.required')})</span>` : nothing}</label>
      ${control}
      ${problem ? html`<p part="error" class="field__error" id="${id}-error">${t(`form.${problem}`, { label })}</p>` : nothing}
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.l10n.translator.t;
    return html`<form part="base" class="form" novalidate aria-labelledby="${this.#id}-title" @submit=${this.#onSubmit}>
      <h3 part="title" class="form__title" id="${this.#id}-title">${t(this.textKeys.title)}</h3>
      ${this.note ? html`<p part="note" class="form__note" role="status">${this.note}</p>` : nothing}
      <p part="intro" class="form__intro">${t(this.textKeys.intro)}</p>
      ${this.fields.map((field) => this.#renderField(field))}
      ${this.error ? html`<p part="form-error" class="form__error" role="alert">${this.error}</p>` : nothing}
      <button part="submit" class="form__submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(this.textKeys.submit)}</button>
    </form>`;
  }
}
