/**
 * Reading a verdict feed someone else published: strictly, because a feed comes from the network and its verdicts
 * go straight onto the pages a clinician reads. Anything the format does not allow is refused with the first
 * thing wrong; what is accepted is rebuilt field by field, so no key, markup or text the format has no place for
 * gets through. Each link goes through the verdict's one reader (src/health/link-health.ts), as the audit's cache
 * does, with the rules for outside words on top: archive links only captures of the link itself, new homes only
 * sites our own directory vouches for, no time in the future, reasons that fit their verdicts.
 */
import { isDirectoryUrl } from '../directory/lookup.ts';
import { EntryRefused, FEED_ENTRY, readEntry, readTime, type FeedEntry } from '../health/link-health.ts';
import {
  ENDED_EARLY_REASONS,
  FEED_FORMAT,
  FEED_VERSION,
  publisherProblem,
  type EndedEarly,
  type VerdictFeed,
} from './feed.ts';
import { checkFeedShape, MAX_FEED_LINKS, ShapeRefused, type ShapeFacts } from './feed-shape.ts';
import { importPublicKey, KeyProblem, verifyFeedText } from './signature.ts';

export { MAX_FEED_LINKS };

/** A feed of 100,000 links with their histories is about 40 MiB; anything much larger is not a feed of ours. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;

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
  // A cheap bound before anything else (UTF-16 units: never more than the bytes that came).
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  if (text.length > maxBytes) throw new FeedError(`it is larger than ${sizeInWords(maxBytes)}`);
  // The shape first, in one pass that builds nothing (feed-shape.ts): parsing is only for what can be a feed.
  shapeOf(text);
  return parseFeed(text, options);
}

/** The feed in `text`, whose shape was checked (shapeOf). */
function parseFeed(text: string, options: ReadOptions): VerdictFeed {
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
  const generatedAt = readTime(data.generatedAt, options.now);
  if (generatedAt === null) throw new FeedError('its "generatedAt" is not a date, or is in the future');
  const endedEarly = data.endedEarly === undefined ? null : readEndedEarly(data.endedEarly);
  if (!Array.isArray(data.links)) throw new FeedError('it has no "links" list');
  if (data.links.length > MAX_FEED_LINKS) throw new FeedError(`it lists more than ${MAX_FEED_LINKS} links`);

  const vouches = options.vouchesFor ?? isDirectoryUrl;
  const byUrl = new Map<string, FeedEntry>();
  data.links.forEach((raw: unknown, i: number) => {
    const entry = readLink(raw, options.now, vouches, `link ${i + 1}`);
    const seen = byUrl.get(entry.url);
    if (!seen || Date.parse(seen.checkedAt) < Date.parse(entry.checkedAt)) byUrl.set(entry.url, entry);
  });
  return {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    publisher: data.publisher,
    site: data.site,
    generatedAt,
    ...(endedEarly ? { endedEarly } : {}),
    links: [...byUrl.values()],
  };
}

/** An early end as the audit writes it (feed.ts EndedEarly): a known reason and two counts, nothing else. */
function readEndedEarly(raw: unknown): EndedEarly {
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER;
  if (
    !isObject(raw) ||
    !(ENDED_EARLY_REASONS as readonly unknown[]).includes(raw.why) ||
    !count(raw.pagesNotRead) ||
    !count(raw.linksNotChecked)
  )
    throw new FeedError('its "endedEarly" is not a reason with the counts of what was left out');
  return {
    why: raw.why as EndedEarly['why'],
    pagesNotRead: raw.pagesNotRead as number,
    linksNotChecked: raw.linksNotChecked as number,
  };
}

/** One link, through the verdict's one reader (src/health/link-health.ts), held to the rules for outside words. */
function readLink(raw: unknown, now: number, vouchesFor: (url: string) => boolean, where: string): FeedEntry {
  try {
    return readEntry(raw, FEED_ENTRY, { now, vouchesFor });
  } catch (err) {
    if (!(err instanceof EntryRefused)) throw err;
    throw new FeedError(`${where}${err.url === null ? '' : ` (${err.url.slice(0, 200)})`} ${err.problem}`);
  }
}

/**
 * A feed read as a subscription reads it: with the key its organisation pinned beside its address, if any (the
 * signature is checked before anything of the feed is parsed). `signedBy` is that key when the signature verified
 * against it; null when no key is pinned, whether or not the feed carries a signature nobody asked to check.
 */
export async function readPinnedFeed(
  text: string,
  options: ReadOptions & { pinned: string | null },
): Promise<{ feed: VerdictFeed; signedBy: string | null }> {
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  if (text.length > maxBytes) throw new FeedError(`it is larger than ${sizeInWords(maxBytes)}`);
  const facts = shapeOf(text);
  if (options.pinned !== null) {
    let key: CryptoKey;
    try {
      key = await importPublicKey(options.pinned);
    } catch (err) {
      if (err instanceof KeyProblem) throw new FeedError(err.message);
      throw err;
    }
    const verification = await verifyFeedText(text, facts, key);
    if (verification === 'unsigned') throw new FeedError('it is not signed, and a key is pinned for it');
    if (verification === 'does-not-verify')
      throw new FeedError(
        'its signature does not verify against the pinned key: it was changed after it was signed, or signed with another key',
      );
  }
  return { feed: parseFeed(text, options), signedBy: options.pinned };
}

/** The feed's shape (feed-shape.ts), its refusal in the reader's words. */
export function shapeOf(text: string): ShapeFacts {
  try {
    return checkFeedShape(text);
  } catch (err) {
    if (err instanceof ShapeRefused) throw new FeedError(err.message);
    throw err;
  }
}

/** 67108864 → "64 MiB", for messages about a feed's size. */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
