/**
 * `still-there audit --cache FILE`: what earlier runs learnt, so that a nightly audit is cheap and, above all, so
 * that the confirmation rule (src/health/confirm.ts) sees failures on separate days: each report goes back to
 * the engine as `previous`, with its history.
 *
 * When an earlier verdict is reused without asking the network again, and which are kept at all: the nightly-audit
 * profile of src/health/freshness.ts (unverified never reused; dead and moved for a day, alive for a week, each a
 * little short so the same hour next night looks again). Entries untouched for 90 days are dropped.
 *
 * The file is replaced atomically (written beside it, then renamed over it) and the copy it replaces is kept as
 * FILE.bak. A file that cannot be read or is not a cache is reported and left exactly as it is.
 */
import { copyFile, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { isFresh, NIGHTLY_AUDIT } from '../health/freshness.ts';
import { EntryRefused, project, readEntry, WHOLE, type LinkHealth } from '../health/link-health.ts';

export const CACHE_VERSION = 1;
export const FORGET_AFTER_MS = 90 * 24 * 3_600_000;

export class CacheError extends Error {}

export type Cache = Map<string, LinkHealth>;

/** A cache this tool wrote holds one short line per link: tens of thousands of links are a few MiB. */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export async function loadCache(file: string): Promise<Cache> {
  let text: string;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_CACHE_BYTES)
      throw new CacheError(
        corrupt(
          file,
          `it is ${Math.round(size / 1024 / 1024)} MiB, more than a cache of ours ever holds (${MAX_CACHE_BYTES / 1024 / 1024} MiB)`,
        ),
      );
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof CacheError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new Map();
    throw new CacheError(`cannot read the cache ${file}: ${code ?? (err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CacheError(corrupt(file, `not JSON (${(err as Error).message})`));
  }
  const read = readCache(data);
  if (typeof read === 'string') throw new CacheError(corrupt(file, read));
  return read;
}

function corrupt(file: string, why: string): string {
  return `the cache ${file} is damaged: ${why}. It was left untouched; restore ${file}.bak (the copy before the last run) or delete the file to start afresh`;
}

/** Null when `data` is a cache this version understands; otherwise the first thing wrong with it. */
export function cacheProblem(data: unknown): string | null {
  const read = readCache(data);
  return typeof read === 'string' ? read : null;
}

/**
 * The cache's links, each through the verdict's one reader (src/health/link-health.ts) and rebuilt; or the first
 * thing wrong. What a report may later turn into a link must be a web address: a cache is a file anyone could have
 * edited.
 */
function readCache(data: unknown): Cache | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not an object';
  const { version, links } = data as { version?: unknown; links?: unknown };
  if (version !== CACHE_VERSION) return `version ${JSON.stringify(version)}, expected ${CACHE_VERSION}`;
  if (typeof links !== 'object' || links === null || Array.isArray(links)) return '"links" is not an object';
  const cache: Cache = new Map();
  for (const [key, entry] of Object.entries(links)) {
    try {
      cache.set(key, readEntry(entry, WHOLE));
    } catch (err) {
      if (!(err instanceof EntryRefused)) throw err;
      return `the entry for ${JSON.stringify(key.slice(0, 200))} ${err.problem}`;
    }
  }
  return cache;
}

/** The earlier verdict, when it may stand without a new check (the nightly-audit profile). */
export function reusable(previous: LinkHealth | undefined, now: Date): LinkHealth | null {
  return previous && isFresh(NIGHTLY_AUDIT, previous, now.getTime()) ? previous : null;
}

/** Files the new report under its address, unless it holds nothing a later run can use. */
export function remember(cache: Cache, key: string, report: LinkHealth): void {
  if (NIGHTLY_AUDIT.keeps(report)) cache.set(key, report);
}

export async function saveCache(file: string, cache: Cache, now: Date): Promise<void> {
  const keep = [...cache.entries()]
    .filter(([, r]) => now.getTime() - Date.parse(r.checkedAt) < FORGET_AFTER_MS)
    .sort(([a], [b]) => a.localeCompare(b));
  // One entry a line: a cache kept in a repository diffs line by line.
  const body = keep.map(([key, r]) => `${JSON.stringify(key)}:${JSON.stringify(project(r, WHOLE))}`).join(',\n');
  const text = `{"version":${CACHE_VERSION},"links":{\n${body}\n}}\n`;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await copyFile(file, `${file}.bak`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new CacheError(
      `could not write the cache ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}
