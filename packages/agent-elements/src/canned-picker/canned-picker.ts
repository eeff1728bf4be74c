import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocalizeController, ParleyElement } from '@parley/widget/shared';
import type { CannedItem, CannedSource } from '../api/canned.js';
import { errorText } from '../internal/errors.js';
import { CannedSearch } from './canned-search.js';
import { cannedPickerStyles } from './canned-picker.styles.js';

/**
 * Canned replies, links and files with instant incremental search (A5): each
 * keystroke searches the `source` (the server's `GET /api/canned?q=` in the
 * console), a newer search cancels the older. ↑ ↓ choose, Enter picks,
 * Escape closes.
 *
 * @tagname parley-canned-picker
 * @summary Search canned replies, links and files as you type; pick one.
 *
 * @event parley-canned-pick - An item was picked. `detail: { item }`.
 * @event parley-canned-close - Escape was pressed (nothing picked).
 *
 * @csspart base - The picker.
 * @csspart input - The search field.
 * @csspart results - The results list.
 * @csspart option - One result; the active one also has `active-option`.
 *
 * @cssproperty --parley-canned-picker-height - The results' largest height. Default `14rem`.
 * @cssproperty --parley-canned-picker-background - Default `--parley-color-surface`.
 * @cssproperty --parley-canned-picker-border-color - Default `--parley-color-border`.
 */
export class CannedPicker extends ParleyElement {
  static override styles = cannedPickerStyles;

  /** Where items are searched. */
  @property({ attribute: false }) source: CannedSource | undefined;

  /** The search text. */
  @property() query = '';

  @state() private items: readonly CannedItem[] = [];
  @state() private active = 0;
  @state() private error = '';
  @state() private searched = false;

  @query('input') private input!: HTMLInputElement;

  readonly #l10n = new LocalizeController(this);
  #search: CannedSearch | undefined;

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** The items shown now. */
  get results(): readonly CannedItem[] {
    return this.items;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#search?.dispose();
    this.#search = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) {
      this.#search?.dispose();
      this.#search = this.source
        ? new CannedSearch(
            this.source,
            (_query, items) => {
              this.items = items;
              this.active = 0;
              this.error = '';
              this.searched = true;
            },
            (error) => (this.error = errorText(error, (key) => this.#l10n.t(key), 'canned.failed')),
          )
        : undefined;
    }
    if (changed.has('source') || changed.has('query')) this.#search?.search(this.query);
  }

  #pick(item: CannedItem | undefined): void {
    if (item) this.emit('parley-canned-pick', { item });
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const count = this.items.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count > 0) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        if (count > 0) this.active = (this.active - 1 + count) % count;
        break;
      case 'Enter':
        this.#pick(this.items[this.active]);
        break;
      case 'Escape':
        this.emit('parley-canned-close', {});
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  protected override updated(): void {
    this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    const items = this.items;
    return html`<div part="base" class="canned panel">
      <input
        part="input"
        type="search"
        role="combobox"
        aria-label=${t('canned.search')}
        placeholder=${t('canned.search')}
        aria-autocomplete="list"
        aria-expanded=${items.length > 0 ? 'true' : 'false'}
        aria-controls="results"
        aria-activedescendant=${items.length > 0 ? `option-${this.active}` : nothing}
        .value=${this.query}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        @keydown=${this.#onKeyDown}
      />
      <ul id="results" part="results" class="list canned__results" role="listbox" aria-label=${t('canned.results')}>
        ${items.map(
          (item, i) => html`<li
            id=${`option-${i}`}
            part=${i === this.active ? 'option active-option' : 'option'}
            class="canned__option"
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            data-id=${item.id}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.#pick(item)}
          >
            <span class="canned__title" dir="auto">${item.title}${item.shortcut ? html` <span class="canned__kind">/${item.shortcut}</span>` : nothing}</span>
            <span class="canned__kind">${t(`canned.kind.${item.kind}`)}</span>
            ${item.text || item.url ? html`<span class="canned__text" dir="auto">${item.text ?? item.url}</span>` : nothing}
          </li>`,
        )}
      </ul>
      <p class="muted visually-hidden" role="status">${this.searched ? t('canned.count', { count: items.length }) : ''}</p>
      ${this.searched && items.length === 0 ? html`<p class="muted">${t('canned.none')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-canned-pick': CustomEvent<{ readonly item: CannedItem }>;
    'parley-canned-close': CustomEvent<Record<string, never>>;
  }
}
