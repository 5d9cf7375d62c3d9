/**
 * Opening still-there's one IndexedDB database, upgraded through its numbered revisions (revisions/): the verdict
 * store and the feed store each open it here, so neither reaches into the other.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, REVISIONS } from './revisions/index.ts';
import type { StillThereDB } from './schema.ts';

export function openStillThereDb(name: string, factory?: IDBFactory): Promise<IDBPDatabase<StillThereDB>> {
  const open = () =>
    openDB<StillThereDB>(name, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        for (const revision of REVISIONS) if (revision.version > oldVersion) await revision.upgrade(db, tx);
      },
    });
  if (!factory) return open();
  // Tests pass a fresh factory; idb reads the global one, so swap it in just for the open call.
  const saved = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return open();
  } finally {
    globalThis.indexedDB = saved;
  }
}
