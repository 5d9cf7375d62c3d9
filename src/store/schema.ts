/**
 * The extension's IndexedDB: one record per link (its health plus bookkeeping) and the work queue that lets a
 * stopped service worker resume. It keeps no browsing history: records are keyed by the link, never by the page
 * it was found on.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { FeedEntry, LinkHealth } from '../health/link-health.ts';

export const DB_NAME = 'still-there';

export interface StoredVerdict extends LinkHealth {
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

/** A subscribed feed: what its last fetch brought, and what to send to ask whether it changed. */
export interface FeedRecord {
  url: string;
  /** From the feed (publisher, site, generatedAt); null until a fetch succeeded. */
  publisher: string | null;
  site: string | null;
  generatedAt: string | null;
  links: number;
  /** The import whose entries are this feed's now; entries of older imports are removed after each import. */
  generation: number;
  etag: string | null;
  lastModified: string | null;
  /** Last time the feed was asked for, and last time it answered with a feed we took (or "not modified"). */
  fetchedAt: number | null;
  okAt: number | null;
  /** Why the last fetch was refused or failed, in words for the options page; null when it went well. */
  problem: string | null;
  /**
   * The pinned key the entries' signature verified against (src/feed/signature.ts); null (or absent, in records of
   * earlier versions) when no key was pinned. Its verdicts count as signed only while that key is still the pinned one.
   */
  signedBy?: string | null;
}

/** How full the verdict cache is, for the options page. */
export interface CacheStats {
  records: number;
  byVerdict: Record<string, number>;
  queued: number;
}

/** One link's verdict as a feed gave it, with who published it. */
export interface FeedVerdict extends FeedEntry {
  feed: string;
  publisher: string;
  generation: number;
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
  feeds: {
    key: string;
    value: FeedRecord;
  };
  /** Per feed, the sorted 32-bit hashes of its links (src/feed/coverage.ts): 400 KB for 100,000 links. */
  feedCoverage: {
    key: string;
    value: { feed: string; hashes: Uint32Array };
  };
  /** Keyed [link, feed]: a link two feeds cover has two entries, read together by the link alone. */
  feedVerdicts: {
    key: [string, string];
    value: FeedVerdict;
    indexes: { feed: string };
  };
}

/** What a numbered revision (src/store/revisions/) is given to upgrade the database with. */
export type UpgradeDb = IDBPDatabase<StillThereDB>;
export type UpgradeTx = IDBPTransaction<StillThereDB, StoreNames<StillThereDB>[], 'versionchange'>;
