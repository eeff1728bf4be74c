import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';

import { ParleyElement } from '../base/parley-element.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { composerStyles } from './composer.styles.js';
import { EMOJI } from './emoji.js';

/** Where chosen files came from. */
export type FileSource = 'picker' | 'drop' | 'paste';

/**
 * Where a message is written: a text area (Enter sends, Shift+Enter starts a
 * new line, an input method's composition is never cut), an emoji palette, and
 * files by picker, drag-and-drop or paste. It only reports: the chat (or the
 * agent's conversation) sends, uploads and shows errors.
 *
 * @tagname parley-composer
 * @summary The message box: text, emoji, files by picker, drop and paste.
 *
 * @slot notice - Above the text area (e.g. "agents can see what you type", upload progress).
 * @slot toolbar - Extra buttons beside the attach and emoji buttons (screenshot, canned replies).
 *
 * @event parley-draft-change - The text changed; `detail.value` is the whole text.
 * @event parley-message-send - The visitor or agent sends `detail.text` (trimmed, not empty). Cancelable: when prevented, the text stays in the box.
 * @event parley-files-select - Files were chosen (`detail.files`) by `detail.source`: `picker`, `drop` or `paste`.
 *
 * @csspart base - The composer.
 * @csspart input - The text area.
 * @csspart send - The send button.
 * @csspart attach - The attach button.
 * @csspart emoji-button - The button that opens the emoji palette.
 * @csspart emoji - The emoji palette.
 *
 * @cssproperty --parley-composer-background - Behind the composer. Default `--parley-color-surface`.
 * @cssproperty --parley-composer-send-background - The send button. Default `--parley-color-accent`.
 * @cssproperty --parley-composer-send-color - The send button's text. Default `--parley-color-on-accent`.
 */
export class Composer extends ParleyElement {
  static override styles = composerStyles;

  /** The text being written. */
  @property() value = '';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Longest text accepted, in characters. */
  @property({ type: Number }) maxlength = 10_000;

  /** Offers the attach button, and accepts dropped and pasted files. */
  @property({ type: Boolean, attribute: 'allow-files' }) allowFiles = false;

  /** File types the picker offers (the `accept` of a file input), e.g. `image/*,application/pdf`. */
  @property() accept = '';

  /** Hides the emoji palette. */
  @property({ type: Boolean, attribute: 'no-emoji' }) noEmoji = false;

  @state() private emojiOpen = false;
  @state() private dragging = false;

  @query('textarea') private input!: HTMLTextAreaElement;
  @query('input[type=file]') private picker!: HTMLInputElement;

  readonly #l10n = new LocalizeController(this);

  /** Focuses the text area. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Sends the current text as the send button does. */
  send(): void {
    const text = this.value.trim();
    if (text === '' || this.disabled) return;
    const event = this.emit('parley-message-send', { text }, { cancelable: true });
    if (event.defaultPrevented) return;
    this.#setValue('');
  }

  #setValue(value: string): void {
    if (value === this.value) return;
    this.value = value;
    this.emit('parley-draft-change', { value });
  }

  #onInput(event: InputEvent): void {
    this.#setValue((event.target as HTMLTextAreaElement).value);
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.send();
  }

  #files(files: readonly File[], source: FileSource): void {
    if (!this.allowFiles || this.disabled || files.length === 0) return;
    this.emit('parley-files-select', { files, source });
  }

  #onPaste(event: ClipboardEvent): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.allowFiles) return;
    event.preventDefault();
    this.#files(files, 'paste');
  }

  #onDragOver(event: DragEvent): void {
    if (!this.allowFiles || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  #onDrop(event: DragEvent): void {
    this.dragging = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0 || !this.allowFiles) return;
    event.preventDefault();
    this.#files(files, 'drop');
  }

  #onPicked(): void {
    const files = [...(this.picker.files ?? [])];
    this.picker.value = '';
    this.#files(files, 'picker');
  }

  #insert(emoji: string): void {
    const input = this.input;
    const start = input.selectionStart ?? this.value.length;
    const end = input.selectionEnd ?? start;
    this.#setValue(this.value.slice(0, start) + emoji + this.value.slice(end));
    this.emojiOpen = false;
    void this.updateComplete.then(() => {
      input.focus();
      input.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  }

  #toggleEmoji(): void {
    this.emojiOpen = !this.emojiOpen;
    // Opening moves focus into the palette; Escape brings it back.
    if (this.emojiOpen) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.composer__emoji button')?.focus());
  }

  #onEmojiKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.emojiOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.composer__emoji-toggle')?.focus());
  }

  protected override render(): TemplateResult {
    const l10n = this.#l10n;
    return html`
      <div
        part="base"
        class="composer ${this.dragging ? 'composer--dragging' : ''}"
        @dragover=${this.#onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.#onDrop}
      >
        <slot name="notice"></slot>
        ${this.dragging ? html`<p class="composer__drop">${l10n.t('composer.drop')}</p>` : nothing}
        ${this.emojiOpen ? this.#renderEmoji() : nothing}
        <div class="composer__row">
          <textarea
            part="input"
            class="composer__input"
            rows="1"
            dir="auto"
            aria-label=${l10n.t('composer.label')}
            placeholder=${l10n.t('composer.placeholder')}
            maxlength=${this.maxlength}
            .value=${this.value}
            ?disabled=${this.disabled}
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
            @paste=${this.#onPaste}
          ></textarea>
          ${this.noEmoji
            ? nothing
            : html`<button
                part="emoji-button"
                class="composer__tool composer__emoji-toggle"
                type="button"
                aria-label=${l10n.t(this.emojiOpen ? 'composer.emojiClose' : 'composer.emoji')}
                aria-expanded=${this.emojiOpen ? 'true' : 'false'}
                ?disabled=${this.disabled}
                @click=${this.#toggleEmoji}
              >
                <span aria-hidden="true">☺</span>
              </button>`}
          ${this.allowFiles
            ? html`<button part="attach" class="composer__tool" type="button" aria-label=${l10n.t('composer.attach')} ?disabled=${this.disabled} @click=${() => this.picker.click()}>
                  <span aria-hidden="true">📎</span>
                </button>
                <input type="file" hidden multiple accept=${this.accept} @change=${this.#onPicked} />`
            : nothing}
          <slot name="toolbar"></slot>
          <button part="send" class="composer__send" type="button" ?disabled=${this.disabled} @click=${() => this.send()}>${l10n.t('composer.send')}</button>
        </div>
      </div>
    `;
  }

  #renderEmoji(): TemplateResult {
    return html`<div part="emoji" class="composer__emoji" role="group" aria-label=${this.#l10n.t('composer.emoji')} @keydown=${this.#onEmojiKey}>
      ${EMOJI.map((emoji) => html`<button type="button" @click=${() => this.#insert(emoji)}>${emoji}</button>`)}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<parley-composer>`: the text changed. */
    'parley-draft-change': CustomEvent<{ readonly value: string }>;
    /** `<parley-composer>`: send this text; cancelable (the text then stays). */
    'parley-message-send': CustomEvent<{ readonly text: string }>;
    /** `<parley-composer>`, `<parley-chat-window>`: files to send. */
    'parley-files-select': CustomEvent<{ readonly files: readonly File[]; readonly source: FileSource }>;
  }
}
