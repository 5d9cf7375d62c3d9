/**
 * A page on one site cannot tell, from our marks' content or timing, that a link was checked on another site the
 * user visited — for links to addiction and mental-health groups, that is sensitive history. In both browsers: after
 * site A's page is checked, site B's page holding the same link and a new one sees both arrive the same way: neither
 * drawn from the cache at once, both checked for B (the simulated web sees the request), both dated today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { U } from '../fixtures/simweb/catalogue.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled } from './harness.ts';

const SITE_A = 'www.recovery-forum.org';
const SITE_B = 'www.county-resources.org';
const SEEN_ON_A = U.bigBookChapter;
const NEW_ON_B = U.namiConnection;
const item = (url: string, words: string) => `<li>Support group resource: <a href="${url}">${words}</a></li>`;
const pageA = `<!doctype html><title>Forum</title><ul>${item(SEEN_ON_A, 'Big Book, chapter 4')}</ul>`;
const pageB = `<!doctype html><title>County</title><ul>${item(SEEN_ON_A, 'Big Book, chapter 4')}${item(NEW_ON_B, 'NAMI Connection')}</ul>`;

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  beforeAll(async () => {
    // Every answer of the simulated web takes a second: a verdict drawn from the cache would show at once.
    session = await startSession(
      kind,
      { [SITE_A]: { '/thread.html': pageA }, [SITE_B]: { '/guide.html': pageB } },
      { delayMs: 1_000 },
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows site B nothing of what was checked for site A', async () => {
    const a = await session.browser.newPage();
    await a.goto(`https://${SITE_A}/thread.html`);
    await settled(a, 60_000);
    expect((await readMarks(a)).map((m) => m.health)).toEqual(['dead']);
    await a.close();

    session.sim.reset();
    const b = await session.browser.newPage();
    await b.goto(`https://${SITE_B}/guide.html`);
    // When the first pass is over, every cached verdict the page may see is drawn: here, none.
    await b.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length > 0, {
      timeout: 30_000,
      polling: 50,
    });
    const atFirstPass = await b.$$eval('a[data-link-health]', (as) =>
      as.map((a) => a.getAttribute('data-link-health')),
    );
    expect(atFirstPass).toEqual(['checking', 'checking']);
    await settled(b, 60_000);
    const marks = await readMarks(b);
    expect(marks.map((m) => [m.health, m.reason])).toEqual([
      ['dead', 'not-found'],
      ['dead', 'gone'],
    ]);
    // Each was checked for B: the simulated web was asked for both.
    const asked = new Set(session.sim.requests.map((r) => `https://${r.host}${r.path}`));
    expect(asked.has(SEEN_ON_A) && asked.has(NEW_ON_B)).toBe(true);
    // And dated alike: the same day's words in both descriptions.
    const dates = marks.map((m) => /checked on ([^.:]+)/i.exec(m.description ?? '')?.[1] ?? m.description);
    expect(dates[0]).toBe(dates[1]);
    await b.close();
  });
});
