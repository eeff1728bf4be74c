/**
 * The live visitor list's data (A3): every visitor of the site, and the view
 * of them the agent asked for — filtered and sorted by any column — kept up to
 * date as awareness-style changes (`{ added, updated, removed }`) arrive.
 *
 * Built for tens of thousands of rows and hundreds of changes a second:
 * - a sort key is computed once per row version, and the order is total (key,
 *   then id), so a row is found by binary search;
 * - an update that keeps its place is swapped in place (O(log n));
 * - a few moves are spliced; many are merged in one pass (O(n + k log k));
 * - a full sort by a text column sorts the distinct values with the collator
 *   once and the rows by rank.
 */
import type { ListChange, VisitorInfo } from '@parley/core';
import { COLUMN_SORT, searchText, visitorStatus, type ColumnContext, type VisitorColumn } from './columns.js';
import { rankComparator, rankTextKeys, rowComparator, type Row, type RowComparator } from './row-order.js';

export type SortDirection = 'asc' | 'desc';

export interface VisitorSort {
  readonly column: VisitorColumn;
  readonly direction: SortDirection;
}

export interface VisitorFilter {
  /** Hide visitors who left (they stay listed, `online: false`, for a while). */
  readonly hideDeparted: boolean;
  /** Show only visitors waiting in the queue. */
  readonly onlyWaiting: boolean;
  /** Words that must all appear somewhere in the row (name, id, IP, place, page, keyword, last message…). */
  readonly text: string;
}

export interface VisitorRowsOptions {
  /** The collator's locale for text columns; default: the runtime's. */
  readonly locale?: string;
  readonly context?: ColumnContext;
  readonly sort?: VisitorSort;
  readonly filter?: Partial<VisitorFilter>;
}

export const DEFAULT_SORT: VisitorSort = { column: 'status', direction: 'asc' };
export const NO_FILTER: VisitorFilter = { hideDeparted: false, onlyWaiting: false, text: '' };

/** Above this many rows leaving or entering the view at once, merge instead of splicing. */
const SPLICE_LIMIT = 48;

const noAgents: ColumnContext = { agentName: () => undefined };

export class VisitorRows {
  readonly #rows = new Map<string, Row>();
  #view: Row[] = [];
  #sort: VisitorSort;
  #filter: VisitorFilter;
  #words: readonly string[] = [];
  #collator: Intl.Collator;
  #context: ColumnContext;
  #compare: RowComparator;
  #version = 0;

  constructor(options: VisitorRowsOptions = {}) {
    this.#collator = new Intl.Collator(options.locale);
    this.#context = options.context ?? noAgents;
    this.#sort = options.sort ?? DEFAULT_SORT;
    this.#filter = { ...NO_FILTER, ...options.filter };
    this.#words = words(this.#filter.text);
    this.#compare = this.#comparator();
  }

  // ── reading ───────────────────────────────────────────────────────────────

  /** Visitors in the view. */
  get length(): number {
    return this.#view.length;
  }

  /** Every visitor held, shown or not. */
  get total(): number {
    return this.#rows.size;
  }

  /** Grows whenever the view changes (order, membership or a row's content). */
  get version(): number {
    return this.#version;
  }

  get sort(): VisitorSort {
    return this.#sort;
  }

  get filter(): VisitorFilter {
    return this.#filter;
  }

  /** The visitor at a place in the view. */
  at(index: number): VisitorInfo | undefined {
    return this.#view[index]?.visitor;
  }

  /** A slice of the view, as the visible window needs. */
  slice(start: number, end: number): VisitorInfo[] {
    const out: VisitorInfo[] = [];
    const stop = Math.min(end, this.#view.length);
    for (let i = Math.max(0, start); i < stop; i++) out.push(this.#view[i]!.visitor);
    return out;
  }

  get(visitorId: string): VisitorInfo | undefined {
    return this.#rows.get(visitorId)?.visitor;
  }

  /** The visitor's place in the view, or -1 when filtered out or unknown. */
  indexOf(visitorId: string): number {
    const row = this.#rows.get(visitorId);
    return row?.visible ? this.#find(row) : -1;
  }

  // ── changing ──────────────────────────────────────────────────────────────

  /** Replaces everything with these visitors. */
  reset(visitors: Iterable<VisitorInfo>): void {
    this.#rows.clear();
    for (const visitor of visitors) this.#rows.set(visitor.id, this.#row(visitor));
    this.#rebuild();
  }

  /** Applies one batch of changes: removals first, then additions and updates. */
  apply(change: ListChange<VisitorInfo>): void {
    const leaving: Row[] = [];
    const entering: Row[] = [];
    let touched = false;
    for (const id of change.removed) {
      const row = this.#rows.get(id);
      if (!row) continue;
      this.#rows.delete(id);
      if (row.visible) leaving.push(row);
    }
    const upsert = (visitor: VisitorInfo) => {
      const old = this.#rows.get(visitor.id);
      const row = this.#row(visitor);
      this.#rows.set(visitor.id, row);
      row.visible = this.#passes(row);
      if (old?.visible && row.visible && old.key === row.key) {
        // Same place: swap the row in.
        const index = this.#find(old);
        if (index >= 0) {
          this.#view[index] = row;
          touched = true;
          return;
        }
      }
      if (old?.visible) leaving.push(old);
      if (row.visible) entering.push(row);
    };
    if (change.added.length + change.updated.length === 1) {
      upsert((change.added[0] ?? change.updated[0])!);
    } else {
      // The last word on each visitor, once: a row must not enter the view twice.
      const latest = new Map<string, VisitorInfo>();
      for (const visitor of change.added) latest.set(visitor.id, visitor);
      for (const visitor of change.updated) latest.set(visitor.id, visitor);
      for (const visitor of latest.values()) upsert(visitor);
    }
    if (leaving.length + entering.length > 0) {
      this.#move(leaving, entering);
      touched = true;
    }
    if (touched) this.#version++;
  }

  setSort(sort: VisitorSort): void {
    if (sort.column === this.#sort.column && sort.direction === this.#sort.direction) return;
    const rekey = sort.column !== this.#sort.column;
    this.#sort = sort;
    this.#compare = this.#comparator();
    if (rekey) this.#rekey();
    this.#rebuild();
  }

  setFilter(filter: Partial<VisitorFilter>): void {
    const next = { ...this.#filter, ...filter };
    if (next.hideDeparted === this.#filter.hideDeparted && next.onlyWaiting === this.#filter.onlyWaiting && next.text === this.#filter.text) return;
    this.#filter = next;
    this.#words = words(next.text);
    this.#rebuild();
  }

  /** A new collator for text columns (the UI language changed). */
  setLocale(locale: string | undefined): void {
    this.#collator = new Intl.Collator(locale);
    this.#compare = this.#comparator();
    if (COLUMN_SORT[this.#sort.column].kind === 'text') this.#rebuild();
  }

  /** Agent names changed (the agent column's sort and search text depend on them). */
  setContext(context: ColumnContext): void {
    this.#context = context;
    this.#rekey();
    this.#rebuild();
  }

  // ── internals ─────────────────────────────────────────────────────────────

  #comparator(): RowComparator {
    return rowComparator(COLUMN_SORT[this.#sort.column].kind, this.#sort.direction === 'asc', this.#collator);
  }

  #row(visitor: VisitorInfo): Row {
    return { visitor, key: COLUMN_SORT[this.#sort.column].key(visitor, this.#context), visible: false, hay: undefined, rank: 0 };
  }

  /** New keys for the sort column; the view is rebuilt right after. */
  #rekey(): void {
    const key = COLUMN_SORT[this.#sort.column].key;
    for (const row of this.#rows.values()) row.key = key(row.visitor, this.#context);
  }

  #passes(row: Row): boolean {
    const { hideDeparted, onlyWaiting } = this.#filter;
    const visitor = row.visitor;
    if (hideDeparted && !visitor.online) return false;
    if (onlyWaiting && visitorStatus(visitor) !== 'waiting') return false;
    if (this.#words.length === 0) return true;
    row.hay ??= searchText(visitor, this.#context);
    const hay = row.hay;
    return this.#words.every((word) => hay.includes(word));
  }

  /** Filters every row and sorts the view afresh. */
  #rebuild(): void {
    const view: Row[] = [];
    for (const row of this.#rows.values()) {
      row.visible = this.#passes(row);
      if (row.visible) view.push(row);
    }
    if (COLUMN_SORT[this.#sort.column].kind === 'text') {
      rankTextKeys(view, this.#collator);
      view.sort(rankComparator(this.#sort.direction === 'asc'));
    } else {
      view.sort(this.#compare);
    }
    this.#view = view;
    this.#version++;
  }

  /** First index whose row is not before `row`. */
  #lowerBound(view: readonly Row[], row: Row): number {
    let lo = 0;
    let hi = view.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(view[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #find(row: Row): number {
    const index = this.#lowerBound(this.#view, row);
    if (this.#view[index] === row) return index;
    // Only reachable if the collator's order changed under us; stay correct.
    return this.#view.indexOf(row);
  }

  #move(leaving: readonly Row[], entering: Row[]): void {
    if (leaving.length + entering.length <= SPLICE_LIMIT) {
      for (const row of leaving) {
        const index = this.#find(row);
        if (index >= 0) this.#view.splice(index, 1);
      }
      for (const row of entering) this.#view.splice(this.#lowerBound(this.#view, row), 0, row);
      return;
    }
    const gone = new Set(leaving);
    const kept = gone.size === 0 ? this.#view : this.#view.filter((row) => !gone.has(row));
    entering.sort(this.#compare);
    const merged: Row[] = new Array<Row>(kept.length + entering.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < entering.length) {
      merged[k++] = this.#compare(kept[i]!, entering[j]!) <= 0 ? kept[i++]! : entering[j++]!;
    }
    while (i < kept.length) merged[k++] = kept[i++]!;
    while (j < entering.length) merged[k++] = entering[j++]!;
    this.#view = merged;
  }
}

function words(text: string): readonly string[] {
  return text.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
}
