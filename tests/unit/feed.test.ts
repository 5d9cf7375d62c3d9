/**
 * A verdict feed is written by one editor's audit and read by every browser of an organisation: what is read back
 * must be exactly what was written, and a feed anyone else wrote is refused unless every field is one the format
 * allows. What comes through is rebuilt, so nothing the format has no place for reaches a page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFeed, publisherProblem, renderFeed } from '../../src/feed/feed.ts';
import { FeedError, readFeed } from '../../src/feed/read-feed.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';

const NOW = Date.parse('2026-12-03T08:00:00Z');
const DEAD_URL = 'https://www.ndmda.org/support-groups.html';
const report = (over: Partial<LinkHealth> = {}): LinkHealth => ({
  url: DEAD_URL,
  verdict: 'dead',
  reason: 'parked',
  detail: 'the domain is parked',
  status: 200,
  finalUrl: 'https://www.ndmda.org/support-groups.html',
  redirects: 0,
  newHome: 'https://dbsalliance.org/',
  archive: { url: `https://web.archive.org/web/20030210083312/${DEAD_URL}`, timestamp: '20030210083312' },
  checkedAt: '2026-12-03T02:00:00.000Z',
  history: [{ at: '2026-12-03T02:00:00.000Z', outcome: 'dead', reason: 'parked' }],
  firstFailedAt: '2026-12-03T02:00:00.000Z',
  lastAliveAt: null,
  ...over,
});
const alive = report({
  url: 'https://al-anon.org/',
  verdict: 'alive',
  reason: 'ok',
  status: 200,
  finalUrl: 'https://al-anon.org/',
  newHome: null,
  archive: null,
  history: [{ at: '2026-12-03T02:00:00.000Z', outcome: 'ok', reason: 'ok' }],
  firstFailedAt: null,
  lastAliveAt: '2026-12-03T02:00:00.000Z',
});

const published = () =>
  buildFeed({
    publisher: 'Champaign County Behavioral Health',
    site: 'https://directory.example.org/',
    generatedAt: '2026-12-03T02:05:00.000Z',
    checks: [
      [DEAD_URL, report()],
      ['https://al-anon.org/', alive],
    ],
  });

/** A published feed as JSON to tamper with. */
const tampered = (
  change: (feed: Record<string, unknown> & { links: Array<Record<string, unknown>> }) => void,
): string => {
  const feed = JSON.parse(renderFeed(published()));
  change(feed);
  return JSON.stringify(feed);
};
const read = (text: string) => readFeed(text, { now: NOW });

describe('publishing a feed', () => {
  it('reads back exactly what it wrote, links sorted, one a line', () => {
    const text = renderFeed(published());
    expect(read(text)).toEqual(published());
    expect(text.split('\n').filter((l) => l.startsWith('{"url"'))).toHaveLength(2);
    expect(published().links.map((l) => l.url)).toEqual(['https://al-anon.org/', DEAD_URL]);
  });

  it('carries the confirmation history that made a link dead, and no words of the publisher', () => {
    const entry = published().links.find((l) => l.url === DEAD_URL)!;
    expect(entry.history).toEqual([{ at: '2026-12-03T02:00:00.000Z', outcome: 'dead', reason: 'parked' }]);
    expect(entry).not.toHaveProperty('detail');
  });

  it('leaves out verdicts that say nothing about the link (offline, never fetched)', () => {
    const feed = buildFeed({
      publisher: 'x',
      site: 's',
      generatedAt: '2026-12-03T02:05:00.000Z',
      checks: [
        [
          'https://a.example/',
          report({ url: 'https://a.example/', verdict: 'unverified', reason: 'offline', newHome: null, archive: null }),
        ],
        [
          'https://b.example/',
          report({
            url: 'https://b.example/',
            verdict: 'unverified',
            reason: 'private-address',
            newHome: null,
            archive: null,
          }),
        ],
      ],
    });
    expect(feed.links).toEqual([]);
    expect(read(renderFeed(feed)).links).toEqual([]);
  });

  it.each([
    ['', /empty/],
    ['x'.repeat(81), /longer than 80/],
    ['Clinic\u202Eevil', /control or direction/],
    ['Clinic\nsecond line', /control or direction/],
    [' Clinic', /spaces/],
  ])('refuses the publisher name %j', (name, why) => {
    expect(publisherProblem(name)).toMatch(why);
  });
});

describe('reading a feed someone published', () => {
  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format":', /not JSON/],
    ['another document', JSON.stringify({ format: 'linkinator', version: 1 }), /not a still-there verdict feed/],
    ['a later version', tampered((f) => (f.version = 2)), /version 2/],
    ['a hostile publisher name', tampered((f) => (f.publisher = 'Clinic\u202Egnp.exe')), /direction/],
    ['a feed from the future', tampered((f) => (f.generatedAt = '2027-01-01T00:00:00Z')), /future/],
    ['a javascript: link', tampered((f) => (f.links[0]!.url = 'javascript:alert(1)')), /no web address/],
    [
      'an archive link somewhere else',
      tampered(
        (f) =>
          (f.links[1]!.archive = { url: 'https://evil.example/web/20030210083312/x', timestamp: '20030210083312' }),
      ),
      /not a Wayback Machine capture/,
    ],
    [
      'an archive link of another page',
      tampered(
        (f) =>
          (f.links[1]!.archive = {
            url: 'https://web.archive.org/web/20030210083312/https://evil.example/',
            timestamp: '20030210083312',
          }),
      ),
      /not a Wayback Machine capture/,
    ],
    [
      'a new home the directory does not know',
      tampered((f) => (f.links[1]!.newHome = 'https://dbsa-donate.example/')),
      /not a site of still-there's directory/,
    ],
    [
      'a new home on a former domain',
      tampered((f) => (f.links[1]!.newHome = 'https://ocfoundation.org/')),
      /not a site of still-there's directory/,
    ],
    [
      '"dead" for a reason that never kills',
      tampered((f) => Object.assign(f.links[1]!, { reason: 'needs-cookies' })),
      /never makes a link dead/,
    ],
    [
      '"alive" for a 404',
      tampered((f) => Object.assign(f.links[0]!, { reason: 'not-found' })),
      /never makes a link alive/,
    ],
    ['a check from tomorrow', tampered((f) => (f.links[0]!.checkedAt = '2026-12-04T08:00:00Z')), /future/],
    [
      'a history longer than ours',
      tampered(
        (f) =>
          (f.links[1]!.history = Array.from({ length: 13 }, () => ({
            at: '2026-12-01T00:00:00Z',
            outcome: 'failed',
            reason: 'timeout',
          }))),
      ),
      /longer history than still-there keeps/,
    ],
    [
      'a made-up outcome',
      tampered((f) => (f.links[1]!.history = [{ at: '2026-12-01T00:00:00Z', outcome: 'pwned', reason: 'timeout' }])),
      /bad history/,
    ],
    ['a status that is not one', tampered((f) => (f.links[0]!.status = '200')), /bad status/],
  ])('refuses %s', (_what, text, why) => {
    expect(() => read(text)).toThrow(FeedError);
    expect(() => read(text)).toThrow(why);
  });

  it("takes docs/verdict-feed.md's example as it stands", () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(readFileSync('docs/verdict-feed.md', 'utf8'))![1]!;
    const feed = read(example);
    expect(feed.publisher).toBe('Champaign County Behavioral Health');
    expect(feed.links.map((l) => l.verdict)).toEqual(['dead', 'alive']);
  });

  it('refuses a feed larger than the cap before parsing it', () => {
    const text = renderFeed(published());
    expect(() => readFeed(text, { now: NOW, maxBytes: text.length - 1 })).toThrow(/larger than/);
    expect(readFeed(text, { now: NOW, maxBytes: text.length }).links).toHaveLength(2);
  });

  it.each([
    ['at the top', (f: Record<string, unknown>) => (f.note = '<script>alert(1)</script>'), /"note" at the top/],
    [
      'in a link',
      (f: { links: Array<Record<string, unknown>> }) => (f.links[1]!.detail = '<img src=x onerror=alert(1)>'),
      /"detail" in link 2/,
    ],
    [
      'in a history entry',
      (f: { links: Array<Record<string, Array<Record<string, unknown>>>> }) =>
        (f.links[1]!.history![0]!.label = 'Call us instead: 555-0100'),
      /"label" in link 2's "history" entry 1/,
    ],
    [
      'in an archive capture',
      (f: { links: Array<Record<string, Record<string, unknown>>> }) => (f.links[1]!.archive!.html = '<b>dead</b>'),
      /"html" in link 2's "archive"/,
    ],
  ])('refuses a key the format does not know %s, naming it', (_where, change, why) => {
    const text = tampered(change as never);
    expect(() => read(text)).toThrow(FeedError);
    expect(() => read(text)).toThrow(why);
  });

  it('keeps only the fields of the format in what it gives back', () => {
    const entry = read(renderFeed(published())).links.find((l) => l.url === DEAD_URL)!;
    expect(Object.keys(entry).sort()).toEqual([
      'archive',
      'checkedAt',
      'finalUrl',
      'firstFailedAt',
      'history',
      'lastAliveAt',
      'newHome',
      'reason',
      'status',
      'url',
      'verdict',
    ]);
  });

  it('keeps the newest of two entries for one link', () => {
    const text = tampered((f) =>
      f.links.push({
        ...f.links[1]!,
        verdict: 'alive',
        reason: 'ok',
        newHome: null,
        archive: null,
        checkedAt: '2026-12-03T03:00:00Z',
      }),
    );
    const entries = read(text).links.filter((l) => l.url === DEAD_URL);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.verdict).toBe('alive');
  });
});

describe('a feed from an audit that ended early', () => {
  const partial = () =>
    buildFeed({
      publisher: 'Champaign County Behavioral Health',
      site: 'https://directory.example.org/',
      generatedAt: '2026-12-03T02:05:00.000Z',
      checks: [[DEAD_URL, report()]],
      endedEarly: { why: 'max-time', pagesNotRead: 12, linksNotChecked: 3 },
    });

  it('says so, with what it left out, and reads back the same', () => {
    const read = readFeed(renderFeed(partial()), { now: NOW });
    expect(read.endedEarly).toEqual({ why: 'max-time', pagesNotRead: 12, linksNotChecked: 3 });
    expect(read).toEqual(partial());
  });

  it('a whole audit says nothing of the kind', () => {
    expect(readFeed(renderFeed(published()), { now: NOW }).endedEarly).toBeUndefined();
  });

  it.each([
    ['an unknown reason', { why: 'tired', pagesNotRead: 1, linksNotChecked: 0 }],
    ['a negative count', { why: 'max-pages', pagesNotRead: -1, linksNotChecked: 0 }],
    ['a count that is not a whole number', { why: 'max-pages', pagesNotRead: 1.5, linksNotChecked: 0 }],
    ['a missing count', { why: 'interrupted', pagesNotRead: 3 }],
    ['words in place of the statement', 'we stopped early'],
  ])('refuses %s', (_what, endedEarly) => {
    const text = JSON.stringify({ ...JSON.parse(renderFeed(partial())), endedEarly });
    expect(() => readFeed(text, { now: NOW })).toThrow(FeedError);
  });

  it('refuses a key the statement has no place for', () => {
    const text = JSON.stringify({
      ...JSON.parse(renderFeed(partial())),
      endedEarly: { why: 'max-pages', pagesNotRead: 1, linksNotChecked: 0, note: 'x' },
    });
    expect(() => readFeed(text, { now: NOW })).toThrow(/key the format does not know/);
  });
});
