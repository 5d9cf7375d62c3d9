/**
 * Revision 3: verdict feeds (src/feed/). `feeds` holds one record per subscribed feed; `feedVerdicts` one entry per
 * link and feed, keyed [link, feed] so a lookup reads a link's entries of every feed in one range, and indexed by
 * feed so a feed's entries can be replaced or removed; `feedCoverage` per feed the sorted hashes of the links it
 * covers, so a lookup reads the database only for links a feed may hold. Nothing of revision 2 changes.
 */
import type { UpgradeDb } from '../schema.ts';

export const version = 3;

export function upgrade(db: UpgradeDb): void {
  db.createObjectStore('feeds', { keyPath: 'url' });
  db.createObjectStore('feedVerdicts', { keyPath: ['url', 'feed'] }).createIndex('feed', 'feed');
  db.createObjectStore('feedCoverage', { keyPath: 'feed' });
}
