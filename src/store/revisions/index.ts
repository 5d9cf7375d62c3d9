/**
 * Every schema change is a numbered revision with its own upgrade(), run in order from the version a user has
 * (dessant/web-archives does the same). Never edit a shipped revision: add the next one, and a test that opens
 * the previous version's data (tests/unit/store.test.ts).
 */
import type { UpgradeDb, UpgradeTx } from '../schema.ts';
import * as r1 from './001-verdicts.ts';
import * as r2 from './002-work-queue.ts';
import * as r3 from './003-feeds.ts';

export interface Revision {
  version: number;
  upgrade(db: UpgradeDb, tx: UpgradeTx): void | Promise<void>;
}

export const REVISIONS: Revision[] = [r1, r2, r3];
export const DB_VERSION = REVISIONS.length;
