/**
 * What is known about one link (LinkHealth), the shapes it travels in, and its one codec. Every place a verdict leaves
 * or enters still-there goes through here: the audit's cache file, a verdict feed (written and read), the messages
 * between the background and the extension's pages, the CLI's JSON lines and the audit's rows. Each field is declared
 * once, below, with its one strict reader; each shape is the whole less the fields it leaves out.
 *
 * Adding a field: declare it in LinkHealth, and the compiler asks for its entry in FIELDS (how it is read from a
 * file or a feed, how it is copied, whether a message may leave it out); every shape carries it unless it says it
 * leaves it out (SUMMARY, FEED_ENTRY, CHECK_LINE).
 */
import { isWebAddress } from './address.ts';
import { captureLink } from './archive.ts';
import {
  ALL_REASONS,
  CLEAR_DEAD_REASONS,
  isVerdict,
  OUTCOMES,
  PASSING_FAILURE_REASONS,
  type ArchiveCapture,
  type Outcome,
  type Reason,
  type Verdict,
} from './verdict.ts';

/** The history the confirmation rule keeps for a link (confirm.ts): the latest 12 checks. */
export const HISTORY_LIMIT = 12;

/** One check's outcome, as the confirmation rule remembers it. */
export interface Observation {
  at: string; // ISO 8601
  outcome: Outcome;
  reason: Reason;
}

/**
 * Everything known about one link: the verdict with its evidence, and the history the confirmation rule needs.
 * Callers keep it (IndexedDB, a cache file) and pass it back to the next check.
 */
export interface LinkHealth {
  url: string;
  verdict: Verdict;
  reason: Reason;
  /** Plain-words evidence, e.g. "redirects to the site's home page". */
  detail: string;
  status: number | null;
  finalUrl: string | null;
  redirects: number;
  newHome: string | null;
  archive: ArchiveCapture | null;
  checkedAt: string;
  /** Most recent last, at most HISTORY_LIMIT (confirm.ts). */
  history: Observation[];
  /** First failure of the current run of failures; null while the link works. */
  firstFailedAt: string | null;
  /** Last time the link was seen working: the archive looks for a capture from before this went wrong. */
  lastAliveAt: string | null;
}

export type Field = keyof LinkHealth;

/**
 * Words from outside — a feed someone else published — are held to our own engine's habits as well: no time later
 * than now, no reason a verdict of ours never carries, no longer history than ours, and new homes only the sites our
 * own directory vouches for. A file of our own (the audit's cache) is checked for what could harm (addresses, archive
 * links, the vocabulary), not for these: a verdict we wrote stays readable when the directory or the clock changes.
 */
export interface OutsideWords {
  now: number;
  /** Which new homes may become links: the directory's current sites. */
  vouchesFor(url: string): boolean;
}

/** What is wrong with one entry, in words that follow its name ("link 3 (…) has a bad status"). */
export class EntryRefused extends Error {
  readonly problem: string;
  /** The entry's address when it had one to name it by. */
  readonly url: string | null;
  constructor(problem: string, url: string | null) {
    super(problem);
    this.problem = problem;
    this.url = url;
  }
}

/** A clock a little ahead of ours is ordinary; a verdict from tomorrow is not. */
const FUTURE_SLACK_MS = 10 * 60_000;
/** No address of ours is longer; a feed's longer ones are not links anyone typed. */
const MAX_OUTSIDE_ADDRESS = 4096;

interface Reading {
  /** The fields read so far (the table's order: url, verdict and reason come first). */
  readonly done: Partial<LinkHealth>;
  readonly outside: OutsideWords | undefined;
}

interface FieldCodec<T> {
  /** The value rebuilt from `raw`; refuse()s with the words for what is wrong when it is not one. */
  read(raw: unknown, r: Reading): T;
  /** A copy that shares nothing with the value (primitives: themselves). */
  copy?(value: T): T;
  /** Left out of a message between the extension's parts when a reader can rebuild it (summaryToWire). */
  onWire?: WireRule<T>;
}

interface WireRule<T> {
  /** What the reader puts back when the field was left out; it is left out when it equals this. */
  rebuilt(v: Pick<VerdictSummary, 'url'>): T;
  /** Carried only when the reader asked for it. */
  onlyWhenAsked?: true;
}

class Problem {
  readonly words: string;
  constructor(words: string) {
    this.words = words;
  }
}
const refuse = (words: string): never => {
  throw new Problem(words);
};

const REASONS = new Set<string>(ALL_REASONS);
const OUTCOME_SET = new Set<string>(OUTCOMES);
const DEAD_REASONS = new Set<string>([...CLEAR_DEAD_REASONS, ...PASSING_FAILURE_REASONS]);

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

/** An ISO time, normalised; not later than `now` when given (with a little slack). Null otherwise. */
export function readTime(value: unknown, now?: number): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || (now !== undefined && ms > now + FUTURE_SLACK_MS)) return null;
  return new Date(ms).toISOString();
}

function webAddress(value: unknown, outside: OutsideWords | undefined): value is string {
  return typeof value === 'string' && (!outside || value.length <= MAX_OUTSIDE_ADDRESS) && isWebAddress(value);
}

const dateOrNull: FieldCodec<string | null> = {
  read: (raw, r) => (raw === null ? null : (readTime(raw, r.outside?.now) ?? refuse('has a bad date'))),
};

/** Each field's one reader. The order is the reading order: later readers may use what earlier ones read. */
const FIELDS: { [K in Field]-?: FieldCodec<LinkHealth[K]> } = {
  url: {
    read: (raw, r) => (webAddress(raw, r.outside) ? raw : refuse('has a bad address: no web address for the link')),
  },
  verdict: { read: (raw) => (isVerdict(raw) ? raw : refuse('has an unknown verdict')) },
  reason: {
    read: (raw, r) => {
      if (typeof raw !== 'string' || !REASONS.has(raw)) return refuse('has an unknown reason');
      const reason = raw as Reason;
      const verdict = r.done.verdict!;
      if (r.outside && !reasonFits(verdict, reason))
        refuse(`is "${verdict}" for a reason that never makes a link ${verdict} ("${reason}")`);
      return reason;
    },
  },
  detail: {
    read: (raw) => (typeof raw === 'string' ? raw : refuse('has no detail')),
    onWire: { rebuilt: () => '', onlyWhenAsked: true },
  },
  status: {
    read: (raw) =>
      raw === null || (typeof raw === 'number' && Number.isInteger(raw) && raw >= 100 && raw <= 999)
        ? raw
        : refuse('has a bad status'),
  },
  finalUrl: {
    read: (raw, r) =>
      raw === null || webAddress(raw, r.outside)
        ? raw
        : refuse('has a bad address: its final address is not a web address'),
    onWire: { rebuilt: (v) => v.url },
  },
  redirects: {
    read: (raw) =>
      typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : refuse('has a bad redirect count'),
  },
  newHome: {
    read: (raw, r) => {
      if (raw === null) return null;
      if (!webAddress(raw, r.outside)) return refuse('has a bad address: its new home is not a web address');
      if (r.outside && !r.outside.vouchesFor(raw))
        refuse("offers a new home that is not a site of still-there's directory");
      return raw;
    },
    onWire: { rebuilt: () => null },
  },
  archive: {
    read: (raw, r) => {
      if (raw === null) return null;
      const capture = readCapture(raw, r.done.url!);
      return capture ?? refuse('has a bad archive capture: not a Wayback Machine capture of the link');
    },
    copy: (a) => a && { url: a.url, timestamp: a.timestamp },
    onWire: { rebuilt: () => null },
  },
  checkedAt: {
    read: (raw, r) => readTime(raw, r.outside?.now) ?? refuse('has no check time, or one in the future'),
  },
  history: {
    read: (raw, r) => {
      if (!Array.isArray(raw) || (r.outside && raw.length > HISTORY_LIMIT))
        return refuse('has no history, or a longer one than still-there keeps');
      return raw.map((o: unknown): Observation => {
        if (!isObject(o)) return refuse('has a bad history entry');
        const at = readTime(o.at, r.outside?.now);
        if (at === null || !OUTCOME_SET.has(o.outcome as string) || !REASONS.has(o.reason as string))
          return refuse('has a bad history entry');
        return { at, outcome: o.outcome as Outcome, reason: o.reason as Reason };
      });
    },
    copy: (history) => history.map((o) => ({ at: o.at, outcome: o.outcome, reason: o.reason })),
  },
  firstFailedAt: dateOrNull,
  lastAliveAt: dateOrNull,
};

/** Every field, in the table's order: the audit's cache writes them so, and readers read them so. */
export const WHOLE = Object.keys(FIELDS) as Field[];

/** A shape: every field but those it leaves out, in the table's order. A new field is in every shape unless left out. */
function without<Left extends Field>(left: readonly Left[]): Exclude<Field, Left>[] {
  return WHOLE.filter((f): f is Exclude<Field, Left> => !(left as readonly Field[]).includes(f));
}

/**
 * A verdict as readers show it — marks on a page, the popup, every report format, messages between the extension's
 * parts: the whole without the bookkeeping of the confirmation rule (history and its dates), which only the engine
 * and the stores that hand it back need, nor the count of redirects.
 */
export const SUMMARY = without(['redirects', 'history', 'firstFailedAt', 'lastAliveAt']);
export type VerdictSummary = Pick<LinkHealth, (typeof SUMMARY)[number]>;

/**
 * One link of a verdict feed (docs/verdict-feed.md), as the publisher's last check left it: with the confirmation
 * history that made its verdict, and no words of the publisher's (the `detail`): a reader describes the verdict from
 * its reason in the reader's own language, so no text of a feed reaches a page but the publisher's name.
 */
export const FEED_ENTRY = without(['detail', 'redirects']);
export type FeedEntry = Pick<LinkHealth, (typeof FEED_ENTRY)[number]>;

/** `still-there check`'s JSON line (a contract, README): the summary but its detail, which only the table prints. */
export const CHECK_LINE = without(['detail', 'redirects', 'history', 'firstFailedAt', 'lastAliveAt']);
export type CheckLineFields = Pick<LinkHealth, (typeof CHECK_LINE)[number]>;

/** The capture rebuilt from its timestamp, or null when it is anything but a capture of `url`. */
function readCapture(raw: unknown, url: string): ArchiveCapture | null {
  if (!isObject(raw) || typeof raw.timestamp !== 'string' || !/^\d{14}$/.test(raw.timestamp)) return null;
  const link = captureLink(raw.timestamp, url);
  return raw.url === link ? { url: link, timestamp: raw.timestamp } : null;
}

/**
 * The fields of `shape` from `raw`, each read strictly and rebuilt, so nothing the shape has no place for (another
 * key, markup, a javascript: link) gets through. Throws EntryRefused with the first thing wrong. A shape lists its
 * fields in FIELDS' order, so that a reader may rely on the fields before it (the archive on the link).
 */
export function readEntry<K extends Field>(
  raw: unknown,
  shape: readonly K[],
  outside?: OutsideWords,
): Pick<LinkHealth, K> {
  if (!isObject(raw)) throw new EntryRefused('is not an object', null);
  const done: Partial<LinkHealth> = {};
  const reading: Reading = { done, outside };
  try {
    for (const field of shape) (done as Record<Field, unknown>)[field] = FIELDS[field].read(raw[field], reading);
  } catch (err) {
    if (err instanceof Problem) throw new EntryRefused(err.words, done.url ?? null);
    throw err;
  }
  return done as Pick<LinkHealth, K>;
}

/** The fields of `shape`, in its order, copied: what is written to a file, a feed, a line or a message. */
export function project<K extends Field>(from: Pick<LinkHealth, K>, shape: readonly K[]): Pick<LinkHealth, K> {
  const out = {} as Pick<LinkHealth, K>;
  for (const field of shape) {
    const copy = FIELDS[field].copy as ((v: LinkHealth[K]) => LinkHealth[K]) | undefined;
    out[field] = copy ? copy(from[field]) : from[field];
  }
  return out;
}

/** The summary's fields, copied from the whole or from anything that carries them (never more). */
export function summaryOf(r: VerdictSummary): VerdictSummary {
  return project(r, SUMMARY);
}

/**
 * A summary as a message between the background and the extension's pages carries it: a page's first lookups carry
 * a thousand at once, and every field costs serialising on both sides of the browser's messaging, so what a reader
 * can rebuild (FIELDS' `onWire.rebuilt`: nulls, a final address equal to the link's own) is left out, and the
 * engine's `detail` travels only when asked for (the audit page shows it; a page's marks never do).
 */
export type WireSummary = Pick<VerdictSummary, 'url' | 'verdict' | 'reason' | 'checkedAt'> & Partial<VerdictSummary>;

export function summaryToWire(v: VerdictSummary, withDetail: boolean): WireSummary {
  const w: Partial<Record<Field, unknown>> = {};
  for (const field of SUMMARY) {
    const onWire = FIELDS[field].onWire as WireRule<unknown> | undefined;
    if (onWire?.onlyWhenAsked && !withDetail) continue;
    if (onWire && v[field] === onWire.rebuilt(v)) continue;
    w[field] = v[field];
  }
  return w as WireSummary;
}

export function summaryFromWire(w: WireSummary): VerdictSummary {
  const v: Partial<Record<Field, unknown>> = {};
  for (const field of SUMMARY) {
    const onWire = FIELDS[field].onWire as WireRule<unknown> | undefined;
    v[field] = w[field] === undefined && onWire ? onWire.rebuilt(w) : w[field];
  }
  return v as VerdictSummary;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
