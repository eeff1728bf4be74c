/**
 * Browser-only helpers for a visitor's page: the trajectory tracker, IndexedDB
 * storage for identity, last seqs and the outbox, and what core cannot read
 * without the DOM (language, user agent, network and page lifecycle, pushed
 * pages). `@parley/core` itself stays DOM-free; import these from
 * `@parley/core/browser`.
 *
 * @packageDocumentation
 */
export {
  createPageViewTracker,
  createTrajectoryTracker,
  type TrackedPageView,
  type TrajectoryTracker,
  type TrajectoryTrackerOptions,
} from './trajectory.js';
export { createIndexedDbStorage } from './indexeddb-storage.js';
export { readVisitorEnvironment, type VisitorEnvironment } from './environment.js';
export { followPagePush, resolvePushedUrl } from './page-push.js';
export { watchConnectivity, type ConnectivityWatcherOptions } from './connectivity.js';
