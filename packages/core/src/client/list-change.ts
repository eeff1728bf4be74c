/**
 * Changes to a keyed list (colleagues, live visitors), reported like awareness
 * updates: `removed` ids have left the list.
 */
export interface ListChange<T> {
  readonly added: readonly T[];
  readonly updated: readonly T[];
  readonly removed: readonly string[];
}

/** Applies a change to a map by id: removals first, then additions and updates. */
export function applyListChange<T extends { readonly id: string }>(map: Map<string, T>, change: ListChange<T>): void {
  for (const id of change.removed) map.delete(id);
  for (const item of change.added) map.set(item.id, item);
  for (const item of change.updated) map.set(item.id, item);
}
