/**
 * A verdict feed: what one editor's audit learnt, published as a static JSON file so every clinician's browser in
 * the organisation can use those verdicts instead of each checking the same links alone. Written by
 * `still-there audit --feed FILE`, read by the extension (read-feed.ts), documented in docs/verdict-feed.md.
 * No Node, no DOM: the CLI and the service worker both load it.
 */
import { NIGHTLY_AUDIT } from '../health/freshness.ts';
import { FEED_ENTRY, project, type FeedEntry, type LinkHealth } from '../health/link-health.ts';
import { hasInvisible } from './feed-shape.ts';

/** What the document says it is, so a reader can refuse anything else at its first key. */
export const FEED_FORMAT = 'still-there-verdict-feed';
export const FEED_VERSION = 1;

/** Why an audit ended before it had read the whole site: a bound it reached, or the editor's Ctrl-C. */
export const ENDED_EARLY_REASONS = ['max-pages', 'max-time', 'interrupted'] as const;

/**
 * A feed written by an audit that ended early says so, with what it left out: its links are what was checked (each
 * verdict stands on its own), and a link it does not hold was not checked that night, not found alive.
 */
export interface EndedEarly {
  why: (typeof ENDED_EARLY_REASONS)[number];
  /** The site's pages the audit did not read. */
  pagesNotRead: number;
  /** Resource links found but not checked. */
  linksNotChecked: number;
}

export interface VerdictFeed {
  format: typeof FEED_FORMAT;
  version: typeof FEED_VERSION;
  /** Who checked, as the mark says it: "checked by Champaign County Behavioral Health on 2 Dec". */
  publisher: string;
  /** What was audited, as the editor named it. */
  site: string;
  generatedAt: string;
  /** Present only when the audit ended before it had read the whole site. */
  endedEarly?: EndedEarly;
  links: FeedEntry[];
}

/** A publisher's name as a reader shows it: one line, plain text, short enough for a mark's description. */
export const MAX_PUBLISHER_LENGTH = 80;

/** Null when `name` may be published as is; otherwise why not (the CLI's message and the reader's check alike). */
export function publisherProblem(name: string): string | null {
  if (name.trim() === '') return 'the publisher name is empty';
  if (name.length > MAX_PUBLISHER_LENGTH) return `the publisher name is longer than ${MAX_PUBLISHER_LENGTH} characters`;
  // Control, invisible and direction characters could make a name read as something it is not (feed-shape.ts).
  if (hasInvisible(name) || /[\t\n\r]/.test(name))
    return 'the publisher name holds control or direction characters, or invisible ones';
  if (name !== name.trim()) return 'the publisher name starts or ends with spaces';
  return null;
}

/**
 * The feed of an audit's checks, each link as the publisher's last check left it (FeedEntry). `url` is the audit's
 * key (no fragment, no credentials); `newHome` a site the directory gives for the address, which a reader accepts
 * only when its own directory vouches for it. Verdicts that say nothing about a link (offline, an address never fetched) are
 * left out, as the nightly cache leaves them out: a reader would only have to ignore them.
 */
export function buildFeed(input: {
  publisher: string;
  site: string;
  generatedAt: string;
  checks: Iterable<[string, LinkHealth]>;
  endedEarly?: EndedEarly | null;
}): VerdictFeed {
  const links: FeedEntry[] = [];
  for (const [key, r] of input.checks) {
    if (!NIGHTLY_AUDIT.keeps(r)) continue;
    links.push({ ...project(r, FEED_ENTRY), url: key });
  }
  links.sort((a, b) => a.url.localeCompare(b.url));
  return {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    publisher: input.publisher,
    site: input.site,
    generatedAt: input.generatedAt,
    ...(input.endedEarly ? { endedEarly: { ...input.endedEarly } } : {}),
    links,
  };
}

/** One entry a line, so a feed kept in a repository diffs line by line. */
export function renderFeed(feed: VerdictFeed): string {
  const { links, ...head } = feed;
  const top = JSON.stringify(head).slice(0, -1);
  return `${top},"links":[\n${links.map((l) => JSON.stringify(l)).join(',\n')}\n]}\n`;
}
