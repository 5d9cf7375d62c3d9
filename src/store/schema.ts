/**
 * The extension's IndexedDB: one record per link (its report plus bookkeeping) and the work queue that lets a
 * stopped service worker resume. It keeps no browsing history: records are keyed by the link, never by the page
 * it was found on.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LinkReport } from '../health/verdict.ts';

export const DB_NAME = 'still-there';

export interface StoredVerdict extends LinkReport {
  /** After this the verdict is stale: still shown at once, but rechecked (the browsing profile of src/health/freshness.ts). */
  expiresAt: number;
  /** Last time any page showed this link: eviction removes the least recently seen first. */
  lastSeenAt: number;
}

export interface QueuedCheck {
  url: string;
  queuedAt: number;
  /** Tabs waiting for this verdict (tab ids are numbers for this browser session only, not history). */
  tabIds: number[];
  /** Recheck even if a fresh verdict exists (context menu "Check this link"). */
  force: boolean;
}

export interface StillThereDB extends DBSchema {
  verdicts: {
    key: string;
    value: StoredVerdict;
    indexes: { lastSeenAt: number; verdict: string };
  };
  queue: {
    key: string;
    value: QueuedCheck;
    indexes: { queuedAt: number };
  };
}

/** What a numbered revision (src/store/revisions/) is given to upgrade the database with. */
export type UpgradeDb = IDBPDatabase<StillThereDB>;
export type UpgradeTx = IDBPTransaction<StillThereDB, StoreNames<StillThereDB>[], 'versionchange'>;
