/**
 * An audit always ends, and always writes its report and its feed (issue 23, part 7): an endless site (/p/N links
 * /p/N+1) stopped by --max-pages and by --max-time, and a page of 40,000 links to one address read in linear time.
 * The report says what was left out and why; the exit status says the run ended early.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../src/feed/read-feed.ts';
import { stillThere } from '../fixtures/sealed/cli.ts';
import { editorSites, ENDLESS_HOST, LONG_LIST_ANCHORS, LONG_LIST_HOST } from '../fixtures/simweb/editor-sites.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

let sim: SimWeb;
let scratch: string;
beforeAll(async () => {
  sim = await startSimWeb({ handlers: editorSites() });
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-bounds-'));
});
afterAll(async () => {
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const NAMI_GROUPS = 'https://www.nami.org/Support-Education/Support-Groups';

describe('an endless site', () => {
  it('--max-pages ends the crawl: the report and the feed are written, saying what was left out (exit 4)', async () => {
    sim.reset();
    const out = path.join(scratch, 'endless.json');
    const feed = path.join(scratch, 'endless.feed.json');
    const run = await stillThere(sim, [
      'audit',
      `https://${ENDLESS_HOST}/`,
      '--recurse',
      '--max-pages',
      '25',
      '--format',
      'json',
      '--out',
      out,
      '--feed',
      feed,
    ]);
    expect(run.code, run.stderr).toBe(4);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.pages).toHaveLength(25);
    expect(report.notices[0]).toMatchObject({ kind: 'ended-early' });
    expect(report.notices[0].text).toMatch(
      /^The audit ended early: it read its limit of 25 pages \(--max-pages\)\. \d+ of the site's pages? (was|were) not read/,
    );
    expect(report.skipped).toEqual(expect.arrayContaining([{ why: 'pages-left-out', count: expect.any(Number) }]));
    expect(report.links.map((l: { url: string }) => l.url)).toEqual([NAMI_GROUPS]);
    // The site was read no further than the bound (and the pages already under way).
    expect(sim.requests.filter((r) => r.host === ENDLESS_HOST && r.method === 'GET').length).toBeLessThanOrEqual(
      25 + 4,
    );
    const published = readFeed(readFileSync(feed, 'utf8'), { now: Date.now() });
    expect(published.links.map((l) => l.url)).toEqual([NAMI_GROUPS]);
    // The feed says it is partial, and what it left out: a link it does not hold was not checked, not found alive.
    expect(published.endedEarly).toMatchObject({ why: 'max-pages', linksNotChecked: 0 });
    expect(published.endedEarly!.pagesNotRead).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/The audit ended early/);
  });

  it('--max-time ends it too, with its report and feed', async () => {
    const out = path.join(scratch, 'endless.md');
    const feed = path.join(scratch, 'endless-time.feed.json');
    const started = Date.now();
    const run = await stillThere(sim, [
      'audit',
      `https://${ENDLESS_HOST}/`,
      '--recurse',
      '--max-time',
      '6s',
      // Only the clock may end it: on a quiet machine 6 s crawled the default 5,000 pages first.
      '--max-pages',
      '1000000',
      '--format',
      'md',
      '--out',
      out,
      '--feed',
      feed,
      '--publisher',
      'Endless County',
    ]);
    expect(run.code, run.stderr).toBe(4);
    // The bound is what ended it, not the test's patience (the test's own limit is 60 s).
    expect(Date.now() - started).toBeLessThan(50_000);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^> \*\*The audit ended early: it ran for its limit of 6s \(--max-time\)\./m);
    expect(md).toMatch(/of the site's pages not read \(the audit ended early\)/);
    expect(existsSync(feed)).toBe(true);
    const published = readFeed(readFileSync(feed, 'utf8'), { now: Date.now() });
    expect(published.publisher).toBe('Endless County');
    expect(published.endedEarly?.why).toBe('max-time');
  });
});

describe('a page of 40,000 links to one address', () => {
  it('is read whole, its one link checked once with every place it appears, within the default bounds', async () => {
    sim.reset();
    const out = path.join(scratch, 'long.json');
    const feed = path.join(scratch, 'long.feed.json');
    // The default timeout (a 3 MB page on a loaded test machine can take more than the tests' usual 3 s).
    const run = await stillThere(
      sim,
      ['audit', `https://${LONG_LIST_HOST}/`, '--recurse', '--format', 'json', '--out', out, '--feed', feed],
      { exact: true, extraArgs: ['--ca', sim.caFile] },
    );
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.links).toHaveLength(1);
    expect(report.links[0]).toMatchObject({ url: 'https://www.nami.org/', verdict: 'alive' });
    expect(report.links[0].foundOn).toHaveLength(LONG_LIST_ANCHORS);
    expect(report.links[0].foundOn.at(-1).position).toBe(LONG_LIST_ANCHORS);
    expect(report.notices).toBeUndefined();
    expect(readFeed(readFileSync(feed, 'utf8'), { now: Date.now() }).links).toHaveLength(1);
    expect(readFeed(readFileSync(feed, 'utf8'), { now: Date.now() }).endedEarly).toBeUndefined();
    expect(sim.requests.filter((r) => r.host === 'www.nami.org' && r.path === '/')).toHaveLength(1);
  });
});
