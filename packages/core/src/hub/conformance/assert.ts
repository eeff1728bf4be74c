/**
 * Assertions for the conformance suite. Plain `Error`s, no `node:assert`:
 * core has no Node types, and adapters run the suite under any test runner.
 */

/** JSON with sorted keys and `undefined` dropped, so equal records compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Store conformance: ${message}`);
}

export function checkEqual(actual: unknown, expected: unknown, message: string): void {
  const a = canonical(actual);
  const e = canonical(expected);
  if (a !== e) throw new Error(`Store conformance: ${message}\n  expected: ${e}\n  actual:   ${a}`);
}

/** The ids of records, in order — the usual thing to compare for queries. */
export const idsOf = (records: readonly { readonly id: string }[]) => records.map((r) => r.id);
