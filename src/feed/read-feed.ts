/**
 * Reading a verdict feed someone else published: strictly, because a feed comes from the network and its verdicts
 * go straight onto the pages a clinician reads. Anything the format does not allow is refused with the first
 * thing wrong; what is accepted is rebuilt field by field, so no key, markup or text the format has no place for
 * gets through. Archive links must be Wayback captures of the link itself and new homes sites our own directory
 * vouches for, exactly as for verdicts of our own.
 */
import { isDirectoryUrl } from '../directory/lookup.ts';
import { isWebAddress } from '../health/address.ts';
import { captureLink } from '../health/archive.ts';
import { HISTORY_LIMIT } from '../health/confirm.ts';
import {
  ALL_REASONS,
  CLEAR_DEAD_REASONS,
  isVerdict,
  PASSING_FAILURE_REASONS,
  type ArchiveCapture,
  type Observation,
  type Reason,
  type Verdict,
} from '../health/verdict.ts';
import { FEED_FORMAT, FEED_VERSION, publisherProblem, type FeedEntry, type VerdictFeed } from './feed.ts';

/** A feed of 100,000 links with their histories is about 40 MiB; anything much larger is not a feed of ours. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;
export const MAX_FEED_LINKS = 200_000;
/** A clock a little ahead of ours is ordinary; a verdict from tomorrow is not. */
const FUTURE_SLACK_MS = 10 * 60_000;

export class FeedError extends Error {}

export interface ReadOptions {
  now: number;
  /** Which new homes may become links: the directory's current sites. */
  vouchesFor?: (url: string) => boolean;
  /** MAX_FEED_BYTES unless a test asks for less. */
  maxBytes?: number;
}

/** The feed in `text`, or a FeedError saying what is wrong with it in words an IT department can act on. */
export function readFeed(text: string, options: ReadOptions): VerdictFeed {
  // A cheap bound before parsing anything (UTF-16 units: never more than the bytes that came).
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  if (text.length > maxBytes) throw new FeedError(`it is larger than ${sizeInWords(maxBytes)}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new FeedError('it is not JSON');
  }
  if (!isObject(data)) throw new FeedError('it is not a JSON object');
  if (data.format !== FEED_FORMAT)
    throw new FeedError(`it is not a still-there verdict feed ("format" is not "${FEED_FORMAT}")`);
  if (data.version !== FEED_VERSION)
    throw new FeedError(
      `it is version ${JSON.stringify(data.version)}; this still-there reads version ${FEED_VERSION}`,
    );
  if (typeof data.publisher !== 'string') throw new FeedError('it names no publisher');
  const badName = publisherProblem(data.publisher);
  if (badName) throw new FeedError(badName);
  if (typeof data.site !== 'string' || data.site.length > 2048) throw new FeedError('it names no site');
  const generatedAt = time(data.generatedAt, options.now);
  if (generatedAt === null) throw new FeedError('its "generatedAt" is not a date, or is in the future');
  if (!Array.isArray(data.links)) throw new FeedError('it has no "links" list');
  if (data.links.length > MAX_FEED_LINKS) throw new FeedError(`it lists more than ${MAX_FEED_LINKS} links`);

  const vouches = options.vouchesFor ?? isDirectoryUrl;
  const byUrl = new Map<string, FeedEntry>();
  data.links.forEach((raw: unknown, i: number) => {
    const entry = readEntry(raw, options.now, vouches, `link ${i + 1}`);
    const seen = byUrl.get(entry.url);
    if (!seen || Date.parse(seen.checkedAt) < Date.parse(entry.checkedAt)) byUrl.set(entry.url, entry);
  });
  return {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    publisher: data.publisher,
    site: data.site,
    generatedAt,
    links: [...byUrl.values()],
  };
}

const REASONS = new Set<string>(ALL_REASONS);
const DEAD_REASONS = new Set<string>([...CLEAR_DEAD_REASONS, ...PASSING_FAILURE_REASONS]);
const OUTCOMES = new Set(['ok', 'failed', 'dead', 'unclear']);

/**
 * Which reasons each verdict may carry, as our own engine gives them: a feed claiming a link "dead" because it
 * needs cookies (a reason that is never dead) is not a feed of ours, or not an honest one.
 */
function reasonFits(verdict: Verdict, reason: Reason): boolean {
  switch (verdict) {
    case 'alive':
      return reason === 'ok';
    case 'moved':
      return reason === 'moved';
    case 'dead':
      return DEAD_REASONS.has(reason);
    case 'unverified':
      return reason !== 'ok' && reason !== 'moved' && !(CLEAR_DEAD_REASONS as readonly string[]).includes(reason);
  }
}

function readEntry(raw: unknown, now: number, vouches: (url: string) => boolean, where: string): FeedEntry {
  if (!isObject(raw)) throw new FeedError(`${where} is not an object`);
  const url = raw.url;
  if (typeof url !== 'string' || url.length > 4096 || !isWebAddress(url))
    throw new FeedError(`${where} has no web address`);
  const at = `${where} (${url.slice(0, 200)})`;
  if (!isVerdict(raw.verdict)) throw new FeedError(`${at} has an unknown verdict`);
  if (typeof raw.reason !== 'string' || !REASONS.has(raw.reason)) throw new FeedError(`${at} has an unknown reason`);
  const verdict = raw.verdict;
  const reason = raw.reason as Reason;
  if (!reasonFits(verdict, reason))
    throw new FeedError(`${at} is "${verdict}" for a reason that never makes a link ${verdict} ("${reason}")`);
  const status = raw.status;
  if (!(status === null || (Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 999)))
    throw new FeedError(`${at} has a bad status`);
  const finalUrl = raw.finalUrl;
  if (!(finalUrl === null || (typeof finalUrl === 'string' && finalUrl.length <= 4096 && isWebAddress(finalUrl))))
    throw new FeedError(`${at} has a bad final address`);
  const newHome = raw.newHome;
  if (!(newHome === null || (typeof newHome === 'string' && vouches(newHome))))
    throw new FeedError(`${at} offers a new home that is not a site of still-there's directory`);
  const archive = readArchive(raw.archive, url);
  if (archive === undefined)
    throw new FeedError(`${at} offers an archive link that is not a Wayback Machine capture of the link`);
  const checkedAt = time(raw.checkedAt, now);
  if (checkedAt === null) throw new FeedError(`${at} has no check time, or one in the future`);
  const firstFailedAt = raw.firstFailedAt === null ? null : time(raw.firstFailedAt, now);
  const lastAliveAt = raw.lastAliveAt === null ? null : time(raw.lastAliveAt, now);
  if ((raw.firstFailedAt !== null && firstFailedAt === null) || (raw.lastAliveAt !== null && lastAliveAt === null))
    throw new FeedError(`${at} has a bad date`);
  if (!Array.isArray(raw.history) || raw.history.length > HISTORY_LIMIT)
    throw new FeedError(`${at} has no history, or a longer one than still-there keeps`);
  const history: Observation[] = raw.history.map((o: unknown) => {
    if (!isObject(o) || !OUTCOMES.has(o.outcome as string) || typeof o.reason !== 'string' || !REASONS.has(o.reason))
      throw new FeedError(`${at} has a bad history entry`);
    const seenAt = time(o.at, now);
    if (seenAt === null) throw new FeedError(`${at} has a bad history entry`);
    return { at: seenAt, outcome: o.outcome as Observation['outcome'], reason: o.reason as Reason };
  });
  return {
    url,
    verdict,
    reason,
    status: status as number | null,
    finalUrl: finalUrl as string | null,
    newHome: newHome as string | null,
    archive,
    checkedAt,
    history,
    firstFailedAt,
    lastAliveAt,
  };
}

/** The capture rebuilt from its timestamp (null when none), or undefined when it is anything but a capture of `url`. */
function readArchive(raw: unknown, url: string): ArchiveCapture | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw) || typeof raw.timestamp !== 'string' || !/^\d{14}$/.test(raw.timestamp)) return undefined;
  const link = captureLink(raw.timestamp, url);
  return raw.url === link ? { url: link, timestamp: raw.timestamp } : undefined;
}

/** An ISO time, normalised, not later than now (with a little slack); null otherwise. */
function time(value: unknown, now: number): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms > now + FUTURE_SLACK_MS) return null;
  return new Date(ms).toISOString();
}

/** 67108864 → "64 MiB", for messages about a feed's size. */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
