import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient } from '@parley/core';
import { LocalizeController, ParleyElement } from '@parley/widget/shared';
import type { AutoReplySettings, LoadAutoReplies, SaveAutoReplies } from '../api/site-settings.js';
import { errorText } from '../internal/errors.js';
import { autoRepliesStyles } from './auto-replies.styles.js';

interface Draft {
  readonly welcomeOn: boolean;
  readonly welcome: string;
  readonly replyOn: boolean;
  readonly afterSeconds: number;
  readonly maxTimes: number;
  readonly text: string;
}

const EMPTY: Draft = { welcomeOn: false, welcome: '', replyOn: false, afterSeconds: 60, maxTimes: 1, text: '' };

function draftOf(settings: AutoReplySettings): Draft {
  return {
    welcomeOn: settings.welcomeMessage !== undefined,
    welcome: settings.welcomeMessage ?? '',
    replyOn: settings.autoReply !== undefined,
    afterSeconds: settings.autoReply?.afterSeconds ?? 60,
    maxTimes: settings.autoReply?.maxTimes ?? 1,
    text: settings.autoReply?.text ?? '',
  };
}

/**
 * The site's automatic replies (A9): the welcome message the visitor gets when
 * an agent takes the chat, and the reply sent after N seconds without an
 * agent's answer, at most K times per chat. Admins edit them; the element
 * loads and saves through the `load` and `save` functions it is given (the
 * server's `GET`/`PATCH /api/site` by default in the console).
 *
 * @tagname parley-auto-replies
 * @summary The welcome message and the automatic reply after N seconds, at most K times.
 *
 * @event parley-auto-replies-save - The settings were saved. `detail: { settings }`.
 *
 * @csspart base - The form.
 * @csspart welcome - The welcome message field.
 * @csspart reply - The automatic reply's text field.
 * @csspart after - The seconds field.
 * @csspart max-times - The times field.
 * @csspart submit - The save button.
 */
export class AutoReplies extends ParleyElement {
  static override styles = autoRepliesStyles;

  /** Reads the current settings. */
  @property({ attribute: false }) load: LoadAutoReplies | undefined;

  /** Saves them (admins only on a Parley server). */
  @property({ attribute: false }) save: SaveAutoReplies | undefined;

  /** When given, the form is read-only for agents whose role may not manage the site. */
  @property({ attribute: false }) client: AgentClient | undefined;

  @state() private draft: Draft = EMPTY;
  @state() private loading = false;
  @state() private saving = false;
  @state() private message = '';
  @state() private error = '';

  readonly #l10n = new LocalizeController(this);

  get mayEdit(): boolean {
    return this.client === undefined || this.client.permissions.includes('site.manage');
  }

  /** The settings the form holds now. */
  get settings(): AutoReplySettings {
    const d = this.draft;
    return {
      ...(d.welcomeOn && d.welcome.trim() && { welcomeMessage: d.welcome.trim() }),
      ...(d.replyOn && d.text.trim() && { autoReply: { afterSeconds: d.afterSeconds, maxTimes: d.maxTimes, text: d.text.trim() } }),
    };
  }

  async reload(): Promise<void> {
    if (!this.load) return;
    this.loading = true;
    this.error = '';
    try {
      this.draft = draftOf(await this.load());
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'autoReplies.loadFailed');
    } finally {
      this.loading = false;
    }
  }

  /** Saves as the save button does (events included). */
  async submit(): Promise<AutoReplySettings | undefined> {
    if (!this.save || this.saving) return undefined;
    this.saving = true;
    this.error = '';
    this.message = '';
    try {
      const saved = await this.save(this.settings);
      this.draft = draftOf(saved);
      this.message = this.#l10n.t('autoReplies.saved');
      this.emit('parley-auto-replies-save', { settings: saved });
      return saved;
    } catch (error) {
      this.error = errorText(error, (key) => this.#l10n.t(key), 'autoReplies.saveFailed');
      return undefined;
    } finally {
      this.saving = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('load')) void this.reload();
  }

  #set(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.message = '';
  }

  protected override render(): TemplateResult {
    const t = (key: string) => this.#l10n.t(key);
    const d = this.draft;
    const readonly = !this.mayEdit;
    const number = (value: string, min: number, max: number, fallback: number) => {
      const n = Math.round(Number(value));
      return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
    };
    return html`<form part="base" class="panel" aria-labelledby="heading" aria-busy=${this.loading ? 'true' : 'false'}
      @submit=${(e: Event) => (e.preventDefault(), void this.submit())}>
      <h2 id="heading" class="heading">${t('autoReplies.heading')}</h2>
      ${readonly ? html`<p class="muted">${t('autoReplies.readonly')}</p>` : nothing}
      <fieldset ?disabled=${readonly}>
        <legend>${t('autoReplies.welcome')}</legend>
        <label class="field--inline field"><input type="checkbox" .checked=${d.welcomeOn} @change=${(e: Event) => this.#set({ welcomeOn: (e.target as HTMLInputElement).checked })} />${t('autoReplies.welcomeOn')}</label>
        <label class="label" for="welcome">${t('autoReplies.welcomeText')}</label>
        <textarea id="welcome" part="welcome" rows="2" maxlength="4000" ?disabled=${!d.welcomeOn} .value=${d.welcome}
          @input=${(e: Event) => this.#set({ welcome: (e.target as HTMLTextAreaElement).value })}></textarea>
      </fieldset>
      <fieldset ?disabled=${readonly}>
        <legend>${t('autoReplies.reply')}</legend>
        <label class="field--inline field"><input type="checkbox" .checked=${d.replyOn} @change=${(e: Event) => this.#set({ replyOn: (e.target as HTMLInputElement).checked })} />${t('autoReplies.replyOn')}</label>
        <div class="row">
          <div class="field">
            <label for="after">${t('autoReplies.after')}</label>
            <input id="after" part="after" type="number" min="1" max="86400" ?disabled=${!d.replyOn} .value=${String(d.afterSeconds)}
              @change=${(e: Event) => this.#set({ afterSeconds: number((e.target as HTMLInputElement).value, 1, 86_400, 60) })} />
          </div>
          <div class="field">
            <label for="times">${t('autoReplies.maxTimes')}</label>
            <input id="times" part="max-times" type="number" min="1" max="100" ?disabled=${!d.replyOn} .value=${String(d.maxTimes)}
              @change=${(e: Event) => this.#set({ maxTimes: number((e.target as HTMLInputElement).value, 1, 100, 1) })} />
          </div>
        </div>
        <label class="label" for="reply">${t('autoReplies.replyText')}</label>
        <textarea id="reply" part="reply" rows="2" maxlength="4000" ?disabled=${!d.replyOn} .value=${d.text}
          @input=${(e: Event) => this.#set({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
      </fieldset>
      <div class="row">
        <button part="submit" class="button button--primary" type="submit" ?disabled=${readonly || this.saving || !this.save}>${t('autoReplies.save')}</button>
        ${this.message ? html`<span class="success" role="status">${this.message}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </form>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-auto-replies-save': CustomEvent<{ readonly settings: AutoReplySettings }>;
  }
}
