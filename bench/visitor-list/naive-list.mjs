// The baseline: the list as one would first write it with Lit — every visitor
// in the DOM, and on each change the whole array filtered, sorted and rendered
// again (keyed by id). Same columns and cell texts as <parley-visitor-list>.
import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { COLUMN_SORT, DEFAULT_VISITOR_COLUMNS, searchText } from '../../packages/agent-elements/src/visitor-list/columns.ts';
import { renderCell } from '../../packages/agent-elements/src/visitor-list/cells.ts';

const context = { agentName: (id) => id };

export class NaiveVisitorList extends LitElement {
  static properties = { client: { attribute: false }, sortColumn: {}, sortDirection: {}, query: {} };
  static styles = css`
    :host { display: block; height: 100%; overflow: auto; }
    table { border-collapse: collapse; width: 100%; }
    td, th { padding: 0 0.5rem; height: 2.25rem; white-space: nowrap; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; }
  `;

  constructor() {
    super();
    this.sortColumn = 'status';
    this.sortDirection = 'asc';
    this.query = '';
    this.collator = new Intl.Collator('en');
  }

  set client(client) {
    this._client = client;
    this._off?.();
    this._off = client.on('visitors', () => this.requestUpdate());
    this.requestUpdate();
  }

  get client() {
    return this._client;
  }

  view() {
    const { kind, key } = COLUMN_SORT[this.sortColumn];
    const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    const sign = this.sortDirection === 'asc' ? 1 : -1;
    return [...this._client.visitors.values()]
      .filter((v) => words.every((w) => searchText(v, context).includes(w)))
      .sort((a, b) => {
        const ka = key(a, context);
        const kb = key(b, context);
        if (ka !== kb) {
          if (ka === undefined) return 1;
          if (kb === undefined) return -1;
          const order = kind === 'number' ? ka - kb : kind === 'code' ? (ka < kb ? -1 : 1) : this.collator.compare(ka, kb);
          if (order !== 0) return sign * order;
        }
        return a.id < b.id ? -1 : 1;
      });
  }

  render() {
    if (!this._client) return html``;
    const cells = { t: (k) => k.split('.').pop(), language: 'en', now: Date.now(), agentName: (id) => id };
    return html`<table>
      <thead><tr>${DEFAULT_VISITOR_COLUMNS.map((c) => html`<th>${c}</th>`)}</tr></thead>
      <tbody>
        ${repeat(
          this.view(),
          (v) => v.id,
          (v) => html`<tr>${DEFAULT_VISITOR_COLUMNS.map((c) => html`<td>${renderCell(c, v, cells)}</td>`)}</tr>`,
        )}
      </tbody>
    </table>`;
  }
}
customElements.define('naive-visitor-list', NaiveVisitorList);
