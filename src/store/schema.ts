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
  /**
   * The sites whose pages a check of this link was made for, as keyed hashes (src/background/site-keys.ts), never
   * the sites themselves; the most recent SHOWN_TO_LIMIT. A page of another site gets a check of its own, so it
   * cannot learn from the marks that the link was checked elsewhere. Absent in records saved before.
   */
  shownTo?: string[];
}

export const SHOWN_TO_LIMIT = 32;

export interface QueuedCheck {
  url: string;
  queuedAt: number;
  /** Tabs waiting for this verdict (tab ids are numbers for this browser session only, not history). */
  tabIds: number[];
  /** Recheck even if a fresh verdict exists (context menu "Check this link"). */
  force: boolean;
  /** The sites (keyed hashes) whose pages wait for this check: the verdict is shown to them. */
  forSites?: string[];
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
