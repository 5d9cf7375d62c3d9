/** Revision 1: one record per link URL, indexed by verdict for the options page's counts. */
import type { UpgradeDb } from '../schema.ts';

export const version = 1;

export function upgrade(db: UpgradeDb): void {
  db.createObjectStore('verdicts', { keyPath: 'url' }).createIndex('verdict', 'verdict');
}
