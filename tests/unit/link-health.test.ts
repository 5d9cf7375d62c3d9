/**
 * The verdict's one codec (src/health/link-health.ts): every shape a verdict takes — the whole in the audit's cache,
 * a feed's entry, the CLI's JSON line, the summary on the wire between the extension's parts — comes back exactly as
 * it was written, for every verdict and reason our engine gives; and the two readers of files (the audit's cache and
 * a published feed) refuse the same bad entries with the same words, because they are the same reader.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheProblem, loadCache, saveCache } from '../../src/cli/audit-cache.ts';
import { toCheckLine } from '../../src/cli/check-output.ts';
import { buildFeed, renderFeed } from '../../src/feed/feed.ts';
import { FeedError, readFeed } from '../../src/feed/read-feed.ts';
import {
  FEED_ENTRY,
  project,
  readEntry,
  summaryFromWire,
  summaryOf,
  summaryToWire,
  WHOLE,
  type LinkHealth,
} from '../../src/health/link-health.ts';
import {
  ALL_REASONS,
  CLEAR_DEAD_REASONS,
  PASSING_FAILURE_REASONS,
  type Reason,
  type Verdict,
} from '../../src/health/verdict.ts';
import { fromWire, toLinkVerdict, toWire } from '../../src/messages.ts';

const NOW = Date.parse('2026-12-03T08:00:00Z');
const URL_ = 'http://www.ocfoundation.org/EO_Hoarding.aspx';

/** The verdict each reason comes with from our engine. */
function verdictsFor(reason: Reason): Verdict[] {
  if (reason === 'ok') return ['alive'];
  if (reason === 'moved') return ['moved'];
  if ((CLEAR_DEAD_REASONS as readonly string[]).includes(reason)) return ['dead'];
  if ((PASSING_FAILURE_REASONS as readonly string[]).includes(reason)) return ['dead', 'unverified'];
  return ['unverified'];
}

function shape(verdict: Verdict, reason: Reason, url = URL_): LinkHealth {
  const dead = verdict === 'dead';
  return {
    url,
    verdict,
    reason,
    detail: `the words for ${reason}`,
    status: reason === 'not-found' ? 404 : reason === 'server-error' ? 503 : verdict === 'alive' ? 200 : null,
    finalUrl: verdict === 'moved' ? 'https://iocdf.org/' : reason === 'no-such-domain' ? null : url,
    redirects: verdict === 'moved' ? 2 : 0,
    newHome: verdict === 'moved' || dead ? 'https://iocdf.org/' : null,
    archive: dead ? { url: `https://web.archive.org/web/20080513062455/${url}`, timestamp: '20080513062455' } : null,
    checkedAt: '2026-12-03T02:00:00.000Z',
    history: [
      { at: '2026-12-01T02:00:00.000Z', outcome: 'ok', reason: 'ok' },
      { at: '2026-12-03T02:00:00.000Z', outcome: dead ? 'dead' : verdict === 'unverified' ? 'unclear' : 'ok', reason },
    ],
    firstFailedAt: dead ? '2026-12-03T02:00:00.000Z' : null,
    lastAliveAt: '2026-12-01T02:00:00.000Z',
  };
}

const SHAPES = ALL_REASONS.flatMap((reason) => verdictsFor(reason).map((verdict) => shape(verdict, reason)));
const outside = { now: NOW, vouchesFor: (url: string) => url === 'https://iocdf.org/' };
/** The README's contract for `still-there check --json`: these keys, in this order. */
const CHECK_LINE_CONTRACT = ['url', 'verdict', 'reason', 'status', 'finalUrl', 'newHome', 'archive', 'checkedAt'];
const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('every verdict shape, written and read back', () => {
  it('covers every reason the vocabulary has', () => {
    expect(new Set(SHAPES.map((s) => s.reason))).toEqual(new Set(ALL_REASONS));
    expect(new Set(SHAPES.map((s) => s.verdict))).toEqual(new Set(['alive', 'moved', 'dead', 'unverified']));
  });

  it.each(SHAPES.map((s) => [s.verdict, s.reason, s] as const))('%s (%s)', (_v, _r, r) => {
    // The whole, as the audit's cache keeps it; a feed's entry, held to the rules for outside words.
    expect(readEntry(viaJson(project(r, WHOLE)), WHOLE)).toEqual(r);
    expect(readEntry(viaJson(project(r, FEED_ENTRY)), FEED_ENTRY, outside)).toEqual(project(r, FEED_ENTRY));
    // The summary on the wire, with and without its detail; the LinkVerdict around it.
    expect(summaryFromWire(viaJson(summaryToWire(summaryOf(r), true)) as never)).toEqual(summaryOf(r));
    expect(summaryFromWire(viaJson(summaryToWire(summaryOf(r), false)) as never)).toEqual({
      ...summaryOf(r),
      detail: '',
    });
    const shown = toLinkVerdict(r, true, 'Champaign County Behavioral Health');
    expect(fromWire(viaJson(toWire(shown, true)) as never)).toEqual(shown);
    // The CLI's line: its keys, in its order, the address as given.
    expect(Object.keys(toCheckLine('ocfoundation.org/EO_Hoarding.aspx', r))).toEqual(CHECK_LINE_CONTRACT);
    expect(toCheckLine('ocfoundation.org/EO_Hoarding.aspx', r).url).toBe('ocfoundation.org/EO_Hoarding.aspx');
  });

  it('shares nothing with what it copied: changing a copy leaves the original as it was', () => {
    const r = shape('dead', 'not-found');
    const copy = project(r, WHOLE);
    copy.archive!.timestamp = '19990101000000';
    copy.history[0]!.reason = 'gone';
    summaryOf(r).archive!.url = 'javascript:alert(1)';
    expect(r).toEqual(shape('dead', 'not-found'));
  });

  it('keeps nothing a shape has no place for', () => {
    const r = { ...shape('dead', 'gone'), html: '<b>dead</b>' };
    expect(Object.keys(readEntry(viaJson(r), FEED_ENTRY, outside))).toEqual([...FEED_ENTRY]);
    expect(Object.keys(readEntry(viaJson(r), WHOLE))).toEqual([...WHOLE]);
    expect(Object.keys(summaryOf(r))).not.toContain('history');
  });

  it('writes the cache and the feed through the same shape and reads them back through the same reader', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'still-there-codec-')), 'cache.json');
    const cache = new Map(
      SHAPES.map((s, i) => `${URL_}?${i}`).map((url, i) => [url, shape(SHAPES[i]!.verdict, SHAPES[i]!.reason, url)]),
    );
    await saveCache(file, cache, new Date(NOW));
    expect(await loadCache(file)).toEqual(cache);
    expect(readFileSync(file, 'utf8').split('\n')[1]).toMatch(/^"[^"]+":\{"url":/);
    const feed = buildFeed({ publisher: 'Clinic', site: 's', generatedAt: '2026-12-03T02:05:00.000Z', reports: cache });
    expect(readFeed(renderFeed(feed), { now: NOW, vouchesFor: outside.vouchesFor })).toEqual(feed);
  });
});

/** Each bad entry, and the words both readers give for it. */
const BAD: Array<[string, Record<string, unknown>, string]> = [
  ['a link that is no web address', { url: 'file:///etc/passwd' }, 'has a bad address: no web address for the link'],
  ['an unknown verdict', { verdict: 'fine' }, 'has an unknown verdict'],
  ['an unknown reason', { reason: 'pwned' }, 'has an unknown reason'],
  ['a status that is not one', { status: '404' }, 'has a bad status'],
  ['a status out of range', { status: 40400 }, 'has a bad status'],
  [
    'a javascript: final address',
    { finalUrl: 'javascript:alert(1)' },
    'has a bad address: its final address is not a web address',
  ],
  [
    'a data: new home',
    { newHome: 'data:text/html,<script>alert(1)</script>' },
    'has a bad address: its new home is not a web address',
  ],
  [
    'an archive link elsewhere',
    { archive: { url: 'https://evil.example/web/20080513062455/x', timestamp: '20080513062455' } },
    'has a bad archive capture: not a Wayback Machine capture of the link',
  ],
  [
    'an archive link of another page',
    {
      archive: {
        url: 'https://web.archive.org/web/20080513062455/https://evil.example/',
        timestamp: '20080513062455',
      },
    },
    'has a bad archive capture: not a Wayback Machine capture of the link',
  ],
  [
    'an archive link with a made-up timestamp',
    { archive: { url: `https://web.archive.org/web/2008/${URL_}`, timestamp: '2008' } },
    'has a bad archive capture: not a Wayback Machine capture of the link',
  ],
  ['a check time that is not one', { checkedAt: 'yesterday-ish' }, 'has no check time, or one in the future'],
  ['no history', { history: 'none' }, 'has no history, or a longer one than still-there keeps'],
  [
    'a made-up outcome',
    { history: [{ at: '2026-12-01T00:00:00Z', outcome: 'pwned', reason: 'timeout' }] },
    'has a bad history entry',
  ],
  ['a history entry that is not one', { history: ['dead'] }, 'has a bad history entry'],
  ['a first failure that is no date', { firstFailedAt: 'soon' }, 'has a bad date'],
  ['a last success that is no date', { lastAliveAt: 42 }, 'has a bad date'],
];

describe('the cache reader and the feed reader refuse the same bad entries, with the same words', () => {
  const good = shape('dead', 'not-found');
  const inCache = (over: Record<string, unknown>) =>
    cacheProblem({ version: 1, links: { [URL_]: { ...good, ...over } } });
  const inFeed = (over: Record<string, unknown>) => {
    const feed = JSON.parse(
      renderFeed(
        buildFeed({ publisher: 'Clinic', site: 's', generatedAt: '2026-12-03T02:05:00.000Z', reports: [[URL_, good]] }),
      ),
    );
    Object.assign(feed.links[0], over);
    try {
      readFeed(JSON.stringify(feed), { now: NOW, vouchesFor: outside.vouchesFor });
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(FeedError);
      return (err as Error).message;
    }
  };

  it('takes the good entry in both', () => {
    expect(inCache({})).toBeNull();
    expect(inFeed({})).toBeNull();
  });

  it.each(BAD)('%s', (_what, over, words) => {
    expect(inCache(over)).toBe(`the entry for ${JSON.stringify(URL_)} ${words}`);
    expect(inFeed(over)).toMatch(new RegExp(`^link 1( \\(.*\\))? ${words.replace(/[()]/g, '\\$&')}$`));
  });

  it('holds a feed, and only a feed, to the rules for outside words', () => {
    const tomorrow = { checkedAt: '2026-12-04T08:00:00.000Z' };
    const unfit = { reason: 'needs-cookies' };
    const unvouched = { newHome: 'https://dbsa-donate.example/' };
    const long = { history: Array.from({ length: 13 }, () => good.history[0]) };
    for (const over of [tomorrow, unfit, unvouched, long]) {
      expect(inFeed(over)).not.toBeNull();
      expect(inCache(over)).toBeNull();
    }
  });
});
