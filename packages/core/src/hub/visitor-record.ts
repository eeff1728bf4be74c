/** Read-modify-write of a stored visitor, one at a time per visitor. Internal. */
import type { HubCore } from './core.js';
import type { VisitorRecord } from './records.js';

export const visitorRecordLock = (siteId: string, visitorId: string) => `visrec:${siteId}:${visitorId}`;

/**
 * Applies `change` to the stored visitor under its lock; `change` returns the
 * new record, or undefined to write nothing. Never call it holding the same lock.
 */
export function updateVisitorRecord(
  core: HubCore,
  siteId: string,
  visitorId: string,
  change: (visitor: VisitorRecord | undefined) => VisitorRecord | undefined,
): Promise<VisitorRecord | undefined> {
  return core.locks.run(visitorRecordLock(siteId, visitorId), async () => {
    const next = change(await core.store.getVisitor(siteId, visitorId));
    if (next) await core.store.saveVisitor(next);
    return next;
  });
}
