import type { Store } from '../store.js';

/** One conformance check; `run` gets a fresh, empty store and throws on a failure. */
export interface StoreConformanceCase {
  readonly name: string;
  run(store: Store): Promise<void>;
}
