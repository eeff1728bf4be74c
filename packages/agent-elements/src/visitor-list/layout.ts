import type { VisitorColumn } from './columns.js';

/** Column widths (minimums; spare room is shared). */
export const COLUMN_WIDTHS: Readonly<Record<VisitorColumn, string>> = {
  status: '8rem',
  id: '10rem',
  name: '10rem',
  search: '10rem',
  visits: '4.5rem',
  ip: '8.5rem',
  location: '9rem',
  entered: '5.5rem',
  waiting: '5.5rem',
  lastMessage: '14rem',
  left: '5.5rem',
  agent: '7rem',
  page: '14rem',
  language: '5.5rem',
  browser: '10rem',
};

/** Columns that sort newest or largest first on the first click. */
export const DESCENDING_FIRST: ReadonlySet<VisitorColumn> = new Set(['visits', 'entered', 'waiting', 'lastMessage', 'left']);

/** Rows rendered beyond the visible ones, on each side. */
export const OVERSCAN = 8;

/** The grid template of the chosen columns, and their smallest total width in rem. */
export function gridColumns(columns: readonly VisitorColumn[]): { readonly template: string; readonly minWidthRem: number } {
  return {
    template: columns.map((c) => `minmax(${COLUMN_WIDTHS[c]}, 1fr)`).join(' '),
    minWidthRem: columns.reduce((sum, c) => sum + parseFloat(COLUMN_WIDTHS[c]), 0),
  };
}
