/** The user's choices, in browser.storage.local, with the defaults a clinician gets on install. */
import { isPublicKeyText } from './feed/signature.ts';

export type MarkingMode = 'resources' | 'all' | 'off';

export interface Settings {
  /** Which links are checked: mutual-aid resource links only (default), every link (editors), or none. */
  mode: MarkingMode;
  /** Sites (host names) where the extension does nothing at all. */
  offSites: string[];
  /** Offer an archived copy beside dead links. */
  archiveSuggestions: boolean;
  /** Draw a dotted underline under links that could not be verified. */
  showUnverified: boolean;
  /** Check links into localhost and private networks (never, by default). */
  allowPrivate: boolean;
  /** Recheck links known alive after this many hours (at most the built-in week). */
  recheckHours: number;
  /**
   * Verdict feeds the user (or their IT) subscribed to: https addresses of files an editor's audit published
   * (docs/verdict-feed.md). Only the options page writes them: no page can add one.
   */
  feeds: string[];
  /**
   * Where a card's "Tell us a number is wrong" sends its report: an email address, or an https address of the
   * project's (or the organisation's) issue tracker's new-issue page; empty: the reader's own mail program opens
   * with the report and no address filled in. Nothing leaves unless the reader sends it.
   */
  reportTo: string;
  /**
   * The public key pinned beside a feed's address (its line reads "ADDRESS KEY"): that feed is taken only when its
   * signature verifies against the key, and only a feed so signed may mark a link dead on its own word.
   */
  feedKeys: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
  mode: 'resources',
  offSites: [],
  archiveSuggestions: true,
  showUnverified: false,
  allowPrivate: false,
  recheckHours: 168,
  feeds: [],
  reportTo: '',
  feedKeys: {},
};

/** More feeds than an organisation would ever publish for one person is a mistake, not a choice. */
export const MAX_FEEDS = 10;

export const SETTINGS_KEY = 'settings';

/** Whatever storage holds (an older version's shape, a hand edit), read back as valid settings. */
export function readSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  const mode = s.mode === 'all' || s.mode === 'off' || s.mode === 'resources' ? s.mode : DEFAULT_SETTINGS.mode;
  const hours =
    typeof s.recheckHours === 'number' && s.recheckHours >= 1 && s.recheckHours <= 24 * 30
      ? s.recheckHours
      : DEFAULT_SETTINGS.recheckHours;
  return {
    mode,
    offSites: Array.isArray(s.offSites)
      ? s.offSites.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase())
      : [],
    archiveSuggestions:
      typeof s.archiveSuggestions === 'boolean' ? s.archiveSuggestions : DEFAULT_SETTINGS.archiveSuggestions,
    showUnverified: typeof s.showUnverified === 'boolean' ? s.showUnverified : DEFAULT_SETTINGS.showUnverified,
    allowPrivate: typeof s.allowPrivate === 'boolean' ? s.allowPrivate : DEFAULT_SETTINGS.allowPrivate,
    recheckHours: hours,
    ...readFeedLines(s.feeds, s.feedKeys),
    reportTo: reportTarget(s.reportTo) ?? DEFAULT_SETTINGS.reportTo,
  };
}

/**
 * A report target as the options accept it: an email address, or an https address with no user name or password
 * (an issue tracker's new-issue page); "" for none. Null for anything else: a report never goes to a page or an
 * address the editor did not mean.
 */
export function reportTarget(given: unknown): string | null {
  if (typeof given !== 'string') return null;
  const value = given.trim();
  if (value === '') return '';
  if (/^[^\s@/:?#]+@[^\s@/:?#]+\.[a-z]{2,}$/i.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.username || url.password) return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * The feeds subscribed: one line each, the address and, beside it, the pinned key ("https://… ecdsa-p256:…"), as
 * typed in the options or set by policy; also the address → key map the options page stores beside the addresses.
 * Lines that are not a feed's are left out.
 */
function readFeedLines(lines: unknown, keys: unknown): Pick<Settings, 'feeds' | 'feedKeys'> {
  const stored = typeof keys === 'object' && keys !== null ? (keys as Record<string, unknown>) : {};
  const feeds: string[] = [];
  const feedKeys: Record<string, string> = {};
  for (const line of Array.isArray(lines) ? lines : []) {
    const read = feedLine(line);
    if (read === null || feeds.includes(read.url) || feeds.length >= MAX_FEEDS) continue;
    feeds.push(read.url);
    const key = read.key ?? (Object.hasOwn(stored, read.url) ? stored[read.url] : null);
    if (typeof key === 'string' && isPublicKeyText(key)) feedKeys[read.url] = key;
  }
  return { feeds, feedKeys };
}

/** One feed line: its https address, and the key pinned beside it if any; null when the line is not one. */
export function feedLine(given: unknown): { url: string; key: string | null } | null {
  if (typeof given !== 'string') return null;
  const [address, key, ...more] = given.trim().split(/\s+/);
  if (more.length > 0) return null;
  const url = feedAddress(address);
  if (url === null || (key !== undefined && !isPublicKeyText(key))) return null;
  return { url, key: key ?? null };
}

/** A feed's address as subscribed: https only, with no user name or password in it; null for anything else. */
export function feedAddress(given: unknown): string | null {
  if (typeof given !== 'string') return null;
  try {
    const url = new URL(given.trim());
    if (url.protocol !== 'https:' || url.username || url.password) return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

export function isOffFor(settings: Settings, hostname: string): boolean {
  const h = hostname.toLowerCase();
  return settings.mode === 'off' || settings.offSites.some((site) => h === site || h.endsWith(`.${site}`));
}

/**
 * What an organisation's IT may set by policy (storage.managed: Chrome's managed_schema, Firefox's enterprise
 * policies): such a setting overrides the user's and shows as locked in the options.
 */
export const MANAGEABLE = ['mode', 'offSites', 'feeds', 'archiveSuggestions', 'allowPrivate'] as const;
export type ManagedSettings = Partial<Pick<Settings, (typeof MANAGEABLE)[number] | 'feedKeys'>>;

/**
 * The policy as the background last read it, kept in storage.local beside the user's settings, so a page's script
 * reads both in the one storage call it makes already (storage.managed is read by the background alone).
 */
export const MANAGED_KEY = 'managedSettings';

/** The settings a policy sets, each read as the user's are; a value of the wrong kind is left out (the user's stands). */
export function readManaged(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const given = raw as Record<string, unknown>;
  const read = readSettings(given);
  const fits: Record<(typeof MANAGEABLE)[number], (v: unknown) => boolean> = {
    mode: (v) => v === 'resources' || v === 'all' || v === 'off',
    offSites: Array.isArray,
    feeds: Array.isArray,
    archiveSuggestions: (v) => typeof v === 'boolean',
    allowPrivate: (v) => typeof v === 'boolean',
  };
  const out: ManagedSettings = {};
  for (const key of MANAGEABLE)
    if (Object.hasOwn(given, key) && fits[key](given[key])) Object.assign(out, { [key]: read[key] });
  // The keys pinned beside the policy's feeds come with them: a policy's feeds are the policy's, keys included.
  if (out.feeds) out.feedKeys = read.feedKeys;
  return out;
}

/** The settings in force: the user's, with whatever the policy sets in their place. */
export function effectiveSettings(stored: unknown, managed: unknown): Settings {
  return { ...readSettings(stored), ...readManaged(managed) };
}
