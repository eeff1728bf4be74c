/** The visitor list's toolbar (search, filters, column chooser button, count) and its column chooser. */
import { html, type TemplateResult } from 'lit';
import { VISITOR_COLUMNS, type VisitorColumn } from './columns.js';

export interface ToolbarState {
  readonly t: (key: string, values?: Record<string, string | number>) => string;
  readonly query: string;
  readonly hideDeparted: boolean;
  readonly onlyWaiting: boolean;
  readonly chooserOpen: boolean;
  readonly shown: number;
  readonly total: number;
  readonly columns: readonly VisitorColumn[];
  onFilter(change: { query?: string; hideDeparted?: boolean; onlyWaiting?: boolean }): void;
  onChooser(): void;
  onColumn(column: VisitorColumn, on: boolean): void;
}

const checked = (e: Event) => (e.target as HTMLInputElement).checked;

export function renderToolbar(s: ToolbarState): TemplateResult {
  const { t } = s;
  return html`<div part="toolbar" class="visitor-list__toolbar">
      <input
        part="search"
        class="visitor-list__search"
        type="search"
        aria-label=${t('visitorList.search')}
        placeholder=${t('visitorList.search')}
        .value=${s.query}
        @input=${(e: Event) => s.onFilter({ query: (e.target as HTMLInputElement).value })}
      />
      <label part="filter" class="visitor-list__toggle">
        <input type="checkbox" .checked=${s.hideDeparted} @change=${(e: Event) => s.onFilter({ hideDeparted: checked(e) })} />${t('visitorList.hideDeparted')}
      </label>
      <label part="filter" class="visitor-list__toggle">
        <input type="checkbox" .checked=${s.onlyWaiting} @change=${(e: Event) => s.onFilter({ onlyWaiting: checked(e) })} />${t('visitorList.onlyWaiting')}
      </label>
      <button
        part="columns-button"
        class="visitor-list__columns-button"
        type="button"
        aria-expanded=${s.chooserOpen ? 'true' : 'false'}
        aria-controls="columns"
        @click=${() => s.onChooser()}
      >
        ${t('visitorList.columns')}
      </button>
      <span part="count" class="visitor-list__count">${t('visitorList.count', { shown: s.shown, count: s.total })}</span>
    </div>
    <fieldset id="columns" part="columns" class="visitor-list__columns" ?hidden=${!s.chooserOpen}>
      <legend>${t('visitorList.columns')}</legend>
      ${VISITOR_COLUMNS.map(
        (column) => html`<label class="visitor-list__toggle">
          <input
            type="checkbox"
            .checked=${s.columns.includes(column)}
            ?disabled=${s.columns.length === 1 && s.columns[0] === column}
            @change=${(e: Event) => s.onColumn(column, checked(e))}
          />${t(`visitorList.column.${column}`)}
        </label>`,
      )}
    </fieldset>`;
}
