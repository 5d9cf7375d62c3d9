/**
 * Revision 2: the work queue (a stopped service worker resumes its checks) and last-seen bookkeeping for bounded
 * size. Records from revision 1 get lastSeenAt = their checkedAt, so eviction treats them as seen when checked.
 */
import type { LinkHealth } from '../../health/link-health.ts';
import type { StoredVerdict, UpgradeDb, UpgradeTx } from '../schema.ts';

export const version = 2;

export async function upgrade(db: UpgradeDb, tx: UpgradeTx): Promise<void> {
  const queue = db.createObjectStore('queue', { keyPath: 'url' });
  queue.createIndex('queuedAt', 'queuedAt');
  const verdicts = tx.objectStore('verdicts');
  verdicts.createIndex('lastSeenAt', 'lastSeenAt');
  let cursor = await verdicts.openCursor();
  while (cursor) {
    const v: Partial<StoredVerdict> & LinkHealth = cursor.value;
    const checked = Date.parse(v.checkedAt ?? '') || Date.now();
    await cursor.update({ ...v, lastSeenAt: v.lastSeenAt ?? checked, expiresAt: v.expiresAt ?? 0 });
    cursor = await cursor.continue();
  }
}
