/**
 * The visitor list's order: a row's sort key, then its id — a total order, so
 * any row is found again by binary search. Comparators are made once per sort
 * (column kind, direction, collator), keeping the hot path free of branches on
 * settings.
 */
import type { VisitorInfo } from '@parley/core';
import type { SortKey, SortKind } from './columns.js';

/** One visitor's version. Every field exists from the start, so rows share one shape (fast in sorts). */
export interface Row {
  readonly visitor: VisitorInfo;
  /** The sort column's key; recomputed in place when the column changes. */
  key: SortKey;
  visible: boolean;
  /** Lower-cased search text, made on the first text search. */
  hay: string | undefined;
  /** Scratch: the key's rank during a full sort by a text column; -1 without a value. */
  rank: number;
}

export type RowComparator = (a: Row, b: Row) => number;

const byId = (a: Row, b: Row): number => (a.visitor.id < b.visitor.id ? -1 : a.visitor.id > b.visitor.id ? 1 : 0);

/** Key, then id; rows without a key last in either direction. */
export function rowComparator(kind: SortKind, ascending: boolean, collator: Intl.Collator): RowComparator {
  const sign = ascending ? 1 : -1;
  const compareValues: (a: number | string, b: number | string) => number =
    kind === 'number'
      ? (a, b) => (a as number) - (b as number)
      : kind === 'code'
        ? (a, b) => (a < b ? -1 : 1)
        : (a, b) => collator.compare(a as string, b as string);
  return (a, b) => {
    const ka = a.key;
    const kb = b.key;
    if (ka !== kb) {
      if (ka === undefined) return 1;
      if (kb === undefined) return -1;
      const order = compareValues(ka, kb);
      if (order !== 0) return sign * order;
    }
    return byId(a, b);
  };
}

/** The same order through `rank` (set by {@link rankTextKeys}) instead of collating every comparison. */
export function rankComparator(ascending: boolean): RowComparator {
  const sign = ascending ? 1 : -1;
  return (a, b) => {
    if (a.rank !== b.rank) {
      if (a.rank < 0) return 1;
      if (b.rank < 0) return -1;
      return sign * (a.rank - b.rank);
    }
    return byId(a, b);
  };
}

/**
 * Ranks each row's text key: the distinct values are sorted once with the
 * collator, and values it holds equal share a rank, so ranks order rows
 * exactly as {@link rowComparator} does.
 */
export function rankTextKeys(rows: readonly Row[], collator: Intl.Collator): void {
  const distinct = new Set<string>();
  for (const row of rows) if (typeof row.key === 'string') distinct.add(row.key);
  const sorted = [...distinct].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && collator.compare(sorted[i - 1]!, sorted[i]!) !== 0) rank++;
    ranks.set(sorted[i]!, rank);
  }
  for (const row of rows) row.rank = typeof row.key === 'string' ? ranks.get(row.key)! : -1;
}
