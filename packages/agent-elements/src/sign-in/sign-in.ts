import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocalizeController, ParleyElement } from '@parley/widget/shared';
import { signInErrorCode, type SignInFunction, type SignInResult } from '../api/sign-in.js';
import { signInStyles } from './sign-in.styles.js';

/**
 * Signing an agent in (A1): site id, agent id (sign-in name), password, and
 * the one-time code when the account has one (the form asks for it when the
 * server answers `code_required`). Refusals are shown in words: wrong
 * credentials or code, network not allowed, locked after too many attempts.
 *
 * The sign-in call is the `signIn` property: the console passes one for its
 * server (`POST /api/login`), an in-page demo one against its in-page hub.
 *
 * @tagname parley-sign-in
 * @summary The sign-in form: site, agent, password, one-time code.
 *
 * @event parley-agent-sign-in - Signed in. `detail: { token, agent }`.
 *
 * @csspart base - The form.
 * @csspart site - The site id field. Also `login`, `password`, `code`.
 * @csspart submit - The sign-in button.
 * @csspart error - Why signing in failed.
 *
 * @cssproperty --parley-sign-in-width - The form's largest width. Default `24rem`.
 * @cssproperty --parley-sign-in-border-color - Default `--parley-color-border`.
 */
export class SignIn extends ParleyElement {
  static override styles = signInStyles;

  /** Signs in; resolves with `{ token, agent }` or rejects with an error carrying `code`. */
  @property({ attribute: false }) signIn: SignInFunction | undefined;

  /** The site id, filled in (and hidden when `site-fixed`). */
  @property() site = '';

  /** Hides the site field: the page serves one site. */
  @property({ type: Boolean, attribute: 'site-fixed' }) siteFixed = false;

  @property() login = '';

  /** Shows the one-time code field from the start. */
  @property({ type: Boolean, attribute: 'code-required' }) codeRequired = false;

  @state() private busy = false;
  @state() private error = '';

  @query('#password') private passwordInput!: HTMLInputElement;
  @query('#code') private codeInput!: HTMLInputElement;

  readonly #l10n = new LocalizeController(this);

  /** Submits the form's values (events included); resolves with the result, or undefined when refused. */
  async submit(): Promise<SignInResult | undefined> {
    const signIn = this.signIn;
    if (!signIn || this.busy) return undefined;
    const form = this.renderRoot.querySelector('form');
    if (form && !form.reportValidity()) return undefined;
    const code = this.codeInput?.value.trim();
    this.busy = true;
    this.error = '';
    try {
      const result = await signIn({
        siteId: this.site.trim(),
        login: this.login.trim(),
        password: this.passwordInput.value,
        ...(this.codeRequired && code && { code }),
      });
      this.passwordInput.value = '';
      this.emit('parley-agent-sign-in', result);
      return result;
    } catch (error) {
      const reason = signInErrorCode(error);
      if (reason === 'code_required') this.codeRequired = true;
      this.error = this.#l10n.t(`signIn.error.${reason}`);
      await this.updateComplete;
      (reason === 'code_required' || reason === 'bad_code' ? this.codeInput : this.passwordInput)?.focus();
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = (key: string) => this.#l10n.t(key);
    return html`<form part="base" class="panel" aria-labelledby="title" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.submit())}>
      <h1 id="title" class="heading sign-in__title">${t('signIn.title')}</h1>
      ${this.siteFixed
        ? nothing
        : html`<div class="field">
            <label for="site">${t('signIn.site')}</label>
            <input id="site" part="site" name="site" required autocomplete="organization" .value=${this.site}
              @input=${(e: Event) => (this.site = (e.target as HTMLInputElement).value)} />
          </div>`}
      <div class="field">
        <label for="login">${t('signIn.login')}</label>
        <input id="login" part="login" name="username" required autocomplete="username" .value=${this.login}
          @input=${(e: Event) => (this.login = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="password">${t('signIn.password')}</label>
        <input id="password" part="password" name="password" type="password" required autocomplete="current-password" />
      </div>
      ${this.codeRequired
        ? html`<div class="field">
            <label for="code">${t('signIn.code')}</label>
            <input id="code" part="code" name="code" required inputmode="numeric" autocomplete="one-time-code" maxlength="16" />
          </div>`
        : nothing}
      ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <button part="submit" class="button button--primary" type="submit" ?disabled=${this.busy || !this.signIn}>
          ${this.busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
        ${this.codeRequired ? nothing : html`<button class="button" type="button" @click=${() => (this.codeRequired = true)}>${t('signIn.haveCode')}</button>`}
      </div>
    </form>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-agent-sign-in': CustomEvent<SignInResult>;
  }
}
