import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { VisitorInfo } from '@parley/core';
import { LocalizeController, ParleyElement } from '@parley/widget/shared';
import { TickController } from '../controllers/tick-controller.js';
import { DEFAULT_VISITOR_COLUMNS, VISITOR_COLUMNS, visitorStatus, type VisitorColumn } from './columns.js';
import { renderCell, type CellContext } from './cells.js';
import { VisitorListController, type VisitorListClient } from './visitor-list-controller.js';
import { visitorListStyles } from './visitor-list.styles.js';
import { VisitorRows, type SortDirection } from './visitor-rows.js';
import { gridTarget } from './grid-keys.js';
import { renderToolbar } from './toolbar.js';
import { DESCENDING_FIRST, gridColumns, OVERSCAN } from './layout.js';

export interface VisitorEventDetail {
  readonly visitorId: string;
}

/**
 * The live visitor list (A3): everyone on the site right now, chatting or not,
 * updated live. Sort by any column (click its header), filter (departed,
 * waiting, text), choose columns. Virtualised: only the rows in view exist in
 * the DOM, so 10,000+ visitors and hundreds of updates a second stay smooth.
 *
 * Keyboard: Tab into the grid; ↑ ↓ Page Up/Down Home End move the selection;
 * Enter opens the selected visitor.
 *
 * @tagname parley-visitor-list
 * @summary Everyone on the site now, live: sortable, filterable, virtualised.
 *
 * @event parley-visitor-select - A visitor was selected (click or arrow keys). `detail: { visitorId }`.
 * @event parley-visitor-open - A visitor was opened (Enter or double-click). `detail: { visitorId }`.
 * @event parley-sort-change - The agent sorted by another column or direction. `detail: { column, direction }`.
 * @event parley-filter-change - A filter changed. `detail: { hideDeparted, onlyWaiting, query }`.
 * @event parley-columns-change - The agent chose other columns. `detail: { columns }`.
 *
 * @csspart base - The whole list.
 * @csspart toolbar - Search, filters, columns button and count.
 * @csspart search - The search field.
 * @csspart filter - Each filter's label (checkbox and text).
 * @csspart columns-button - The button that shows the column chooser.
 * @csspart columns - The column chooser.
 * @csspart count - "12 of 340 visitors".
 * @csspart grid - The scrolling grid.
 * @csspart header - The header row.
 * @csspart header-cell - A column header.
 * @csspart row - A visitor's row; the selected one also has `selected-row`.
 * @csspart cell - A cell.
 * @csspart status - The status badge in the status column.
 *
 * @cssproperty --parley-visitor-list-height - The list's height. Default `100%` of its container.
 * @cssproperty --parley-visitor-list-row-height - Row height. Default `2.25rem`.
 * @cssproperty --parley-visitor-list-background - Default `--parley-color-surface`.
 * @cssproperty --parley-visitor-list-header-background - Default `--parley-color-surface-alt`.
 * @cssproperty --parley-visitor-list-selected-background - Default `--parley-color-surface-alt`.
 * @cssproperty --parley-visitor-list-border-color - Default `--parley-color-border`.
 * @cssproperty --parley-visitor-list-divider-color - Between rows. Default `--parley-color-surface-alt`.
 * @cssproperty --parley-visitor-list-waiting-color - The waiting dot. Default `--parley-color-danger`.
 * @cssproperty --parley-visitor-list-chatting-color - The chatting dot. Default `--parley-color-success`.
 */
export class VisitorList extends ParleyElement {
  static override styles = visitorListStyles;

  /** The agent's client; the list starts watching visitors through it (when `watch`). */
  @property({ attribute: false })
  get client(): VisitorListClient | undefined {
    return this.#feed.client;
  }
  set client(client: VisitorListClient | undefined) {
    this.#feed.client = client;
    this.requestUpdate('client');
  }

  /** Start watching the site's visitors through the client when needed (default true). */
  @property({ type: Boolean, attribute: 'no-watch', converter: { fromAttribute: (v) => v === null } })
  get watch(): boolean {
    return this.#feed.watch;
  }
  set watch(watch: boolean) {
    this.#feed.watch = watch;
  }

  /** Columns shown, in order. */
  @property({ type: Array }) columns: readonly VisitorColumn[] = DEFAULT_VISITOR_COLUMNS;

  @property({ attribute: 'sort-column', reflect: true }) sortColumn: VisitorColumn = 'status';

  @property({ attribute: 'sort-direction', reflect: true }) sortDirection: SortDirection = 'asc';

  @property({ type: Boolean, attribute: 'hide-departed', reflect: true }) hideDeparted = false;

  @property({ type: Boolean, attribute: 'only-waiting', reflect: true }) onlyWaiting = false;

  /** Text search: every word must appear in the row. */
  @property() query = '';

  /** The selected visitor's id. */
  @property() selected: string | undefined;

  @state() private chooserOpen = false;
  @state() private first = 0;
  @state() private visibleRows = 20;

  @query('.visitor-list__scroller') private scroller!: HTMLElement;
  @query('.visitor-list__probe') private probe!: HTMLElement;
  #cellContext: CellContext | undefined;

  /** The data behind the view (sorting, filtering, live changes). */
  readonly rows = new VisitorRows();
  readonly #feed = new VisitorListController(this, this.rows);
  readonly #l10n = new LocalizeController(this);
  readonly #tick = new TickController(this, { active: () => this.rows.length > 0 });
  #rowHeight = 36;
  #language: string | undefined;
  #resize: ResizeObserver | undefined;

  /** Scrolls a visitor's row into view. */
  scrollToVisitor(visitorId: string): void {
    const index = this.rows.indexOf(visitorId);
    if (index >= 0) this.#reveal(index);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#measure());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  protected override firstUpdated(): void {
    this.#resize?.observe(this.scroller);
    this.#measure();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sortColumn') || changed.has('sortDirection')) {
      this.rows.setSort({ column: this.sortColumn, direction: this.sortDirection });
    }
    if (changed.has('hideDeparted') || changed.has('onlyWaiting') || changed.has('query')) {
      this.rows.setFilter({ hideDeparted: this.hideDeparted, onlyWaiting: this.onlyWaiting, text: this.query });
    }
    if (this.#l10n.language !== this.#language) {
      this.#language = this.#l10n.language;
      this.rows.setLocale(this.#language);
    }
  }

  #measure(): void {
    const height = this.probe?.getBoundingClientRect().height;
    if (height) this.#rowHeight = height;
    const viewport = this.scroller?.clientHeight ?? 0;
    this.visibleRows = Math.max(1, Math.ceil(viewport / this.#rowHeight));
    this.#onScroll();
  }

  #onScroll = (): void => {
    const top = this.scroller?.scrollTop ?? 0;
    const first = Math.max(0, Math.floor(top / this.#rowHeight) - OVERSCAN);
    if (first !== this.first) this.first = first;
  };

  #reveal(index: number): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const header = this.renderRoot.querySelector<HTMLElement>('.visitor-list__head')?.offsetHeight ?? this.#rowHeight;
    const top = index * this.#rowHeight;
    const bottom = top + this.#rowHeight + header;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    this.#onScroll();
  }

  #select(visitorId: string, reveal = false): void {
    if (this.selected !== visitorId) {
      this.selected = visitorId;
      this.emit('parley-visitor-select', { visitorId });
    }
    if (reveal) this.#reveal(this.rows.indexOf(visitorId));
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const count = this.rows.length;
    if (count === 0) return;
    const current = this.selected === undefined ? -1 : this.rows.indexOf(this.selected);
    if (event.key === 'Enter') {
      event.preventDefault();
      if (this.selected !== undefined && current >= 0) this.emit('parley-visitor-open', { visitorId: this.selected });
      return;
    }
    const target = gridTarget(event.key, current, count, this.visibleRows - 1);
    if (target === undefined) return;
    event.preventDefault();
    const visitor = this.rows.at(target);
    if (visitor) this.#select(visitor.id, true);
  };

  #sortBy(column: VisitorColumn): void {
    const direction: SortDirection =
      column === this.sortColumn ? (this.sortDirection === 'asc' ? 'desc' : 'asc') : DESCENDING_FIRST.has(column) ? 'desc' : 'asc';
    this.sortColumn = column;
    this.sortDirection = direction;
    this.emit('parley-sort-change', { column, direction });
  }

  #filterChanged(): void {
    this.emit('parley-filter-change', { hideDeparted: this.hideDeparted, onlyWaiting: this.onlyWaiting, query: this.query });
  }

  #toggleColumn(column: VisitorColumn, on: boolean): void {
    const chosen = new Set(this.columns);
    if (on) chosen.add(column);
    else if (chosen.size > 1) chosen.delete(column);
    this.columns = VISITOR_COLUMNS.filter((c) => chosen.has(c));
    this.emit('parley-columns-change', { columns: this.columns });
  }

  protected override render(): TemplateResult {
    const t = (key: string, values?: Record<string, string | number>) => this.#l10n.t(key, values);
    if (this.#feed.forbidden) {
      return html`<div part="base" class="visitor-list"><p class="visitor-list__empty">${t('visitorList.forbidden')}</p></div>`;
    }
    const columns = this.columns;
    const { template, minWidthRem: minWidth } = gridColumns(columns);
    const count = this.rows.length;
    const last = Math.min(count, this.first + this.visibleRows + 2 * OVERSCAN);
    const selectedIndex = this.selected === undefined ? -1 : this.rows.indexOf(this.selected);
    const active = selectedIndex >= this.first && selectedIndex < last ? `row-${selectedIndex}` : undefined;
    const slice = this.rows.slice(this.first, last);
    this.#cellContext = {
      t,
      language: this.#l10n.language,
      now: this.#tick.now,
      agentName: (id) => this.client?.agents.get(id)?.name,
    };
    return html`
      <div part="base" class="visitor-list" style="--_columns: ${template}">
        ${renderToolbar({
          t,
          query: this.query,
          hideDeparted: this.hideDeparted,
          onlyWaiting: this.onlyWaiting,
          chooserOpen: this.chooserOpen,
          shown: count,
          total: this.rows.total,
          columns,
          onFilter: (change) => {
            Object.assign(this, change);
            this.#filterChanged();
          },
          onChooser: () => (this.chooserOpen = !this.chooserOpen),
          onColumn: (column, on) => this.#toggleColumn(column, on),
        })}
        <div
          part="grid"
          class="visitor-list__scroller"
          role="grid"
          tabindex="0"
          aria-label=${t('visitorList.label')}
          aria-rowcount=${count + 1}
          aria-colcount=${columns.length}
          aria-activedescendant=${active ?? nothing}
          @scroll=${this.#onScroll}
          @keydown=${this.#onKeyDown}
        >
          <div role="rowgroup" class="visitor-list__head" style="min-inline-size: ${minWidth}rem">
            <div role="row" part="header" class="row" aria-rowindex="1">
              ${columns.map((column) => this.#renderHeader(column))}
            </div>
          </div>
          <div role="rowgroup" class="visitor-list__body" style="block-size: ${count * this.#rowHeight}px; min-inline-size: ${minWidth}rem">
            ${slice.map((visitor, i) => this.#renderRow(visitor, this.first + i, columns))}
          </div>
        </div>
        <div class="row visitor-list__probe" aria-hidden="true" style="position: absolute; visibility: hidden"></div>
        ${count === 0 ? html`<p class="visitor-list__empty">${t(this.rows.total === 0 ? 'visitorList.none' : 'visitorList.noMatch')}</p>` : nothing}
      </div>
    `;
  }

  #renderHeader(column: VisitorColumn): TemplateResult {
    const sorted = column === this.sortColumn;
    return html`<div
      role="columnheader"
      part="header-cell"
      class="head-cell"
      aria-sort=${sorted ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : nothing}
    >
      <button type="button" @click=${() => this.#sortBy(column)}>
        ${this.#l10n.t(`visitorList.column.${column}`)}${sorted ? html`<span aria-hidden="true">${this.sortDirection === 'asc' ? ' ▲' : ' ▼'}</span>` : nothing}
      </button>
    </div>`;
  }

  #renderRow(visitor: VisitorInfo, index: number, columns: readonly VisitorColumn[]): TemplateResult {
    const selected = visitor.id === this.selected;
    const departed = !visitor.online;
    return html`<div
      role="row"
      id=${`row-${index}`}
      part=${selected ? 'row selected-row' : 'row'}
      class="row ${selected ? 'row--selected' : ''} ${departed ? 'row--departed' : ''}"
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      data-visitor-id=${visitor.id}
      data-status=${visitorStatus(visitor)}
      style="transform: translateY(${index * this.#rowHeight}px)"
      @click=${() => this.#select(visitor.id)}
      @dblclick=${() => this.emit('parley-visitor-open', { visitorId: visitor.id })}
    >
      ${columns.map(
        (column) =>
          html`<div role="gridcell" part="cell" class="cell" data-column=${column}>
            ${renderCell(column, visitor, this.#cellContext!)}
          </div>`,
      )}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parley-visitor-select': CustomEvent<VisitorEventDetail>;
    'parley-visitor-open': CustomEvent<VisitorEventDetail>;
    'parley-sort-change': CustomEvent<{ readonly column: VisitorColumn; readonly direction: SortDirection }>;
    'parley-filter-change': CustomEvent<{ readonly hideDeparted: boolean; readonly onlyWaiting: boolean; readonly query: string }>;
    'parley-columns-change': CustomEvent<{ readonly columns: readonly VisitorColumn[] }>;
  }
}
