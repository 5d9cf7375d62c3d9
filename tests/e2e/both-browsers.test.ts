/**
 * One test body, run against Chromium and Firefox ESR: the marks for every kind of link, archive and new-home
 * links, the badge, the popup's search, and verdicts that survive a browser restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDirectoryUrl } from '../../src/directory/lookup.ts';
import { BROWSERS, extensionApi, startSession, type Session } from './browsers.ts';
import { readMarks, settled, type Mark } from './harness.ts';
import { PAGE_HOST, PAGE_SCENARIOS, resourceList } from './pages.ts';

const GUIDE = `https://${PAGE_HOST}/guide.html`;

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  let marks: Map<string, Mark>;

  beforeAll(async () => {
    session = await startSession(kind, { [PAGE_HOST]: { '/guide.html': resourceList() } });
    const page = await session.browser.newPage();
    await page.goto(GUIDE);
    await settled(page, 90_000);
    marks = new Map((await readMarks(page)).map((m) => [m.href, m]));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('marks every kind of link as the contract says', () => {
    const wrong = PAGE_SCENARIOS.map((s) => ({ url: s.url, want: `${s.expect.verdict}/${s.expect.reason}`, got: `${marks.get(s.url)?.health}/${marks.get(s.url)?.reason}` })).filter((r) => r.want !== r.got);
    expect(wrong).toEqual([]);
    for (const s of PAGE_SCENARIOS) expect(marks.get(s.url)!.struck, s.url).toBe(s.expect.verdict === 'dead');
  });

  it('offers archived copies and new homes, and links only where expected', () => {
    for (const s of PAGE_SCENARIOS.filter((x) => x.expect.archiveTimestamp)) {
      expect(marks.get(s.url)!.archive).toBe(`https://web.archive.org/web/${s.expect.archiveTimestamp}/${s.url}`);
    }
    const old = marks.get('http://www.ocfoundation.org/EO_Hoarding.aspx')!;
    expect([old.newHome, old.newHomeIsLink]).toEqual(['https://iocdf.org/', true]);
    for (const m of marks.values()) if (m.newHomeIsLink) expect(isDirectoryUrl(m.newHome!)).toBe(true);
  });

  it('counts the dead resource links on the badge', async () => {
    const page = await session.extensionPage();
    const dead = PAGE_SCENARIOS.filter((s) => s.expect.verdict === 'dead').length;
    expect(await extensionApi(page).badgeFor(GUIDE)).toBe(String(dead));
  });

  it('finds a group in the popup by a former acronym', async () => {
    const popup = await session.extensionPage('/popup.html');
    await popup.waitForSelector('#q');
    await popup.type('#q', 'ndmda');
    await popup.waitForFunction(() => document.querySelector('#results > li')?.getAttribute('data-group-id') === 'dbsa', { timeout: 10_000 });
    const phones = await popup.$$eval('#results > li[data-group-id="dbsa"] .phones a', (as) => as.map((a) => a.getAttribute('href')));
    expect(phones).toContain('tel:+18008263632');
    await popup.close();
  });

  it('keeps its verdicts across a browser restart, asking no site again', async () => {
    await session.restart();
    session.sim.reset();
    const page = await session.browser.newPage();
    await page.goto(GUIDE);
    await settled(page, 30_000);
    const again = new Map((await readMarks(page)).map((m) => [m.href, m.health]));
    expect(again).toEqual(new Map([...marks].map(([href, m]) => [href, m.health])));
    // The guide's links are answered from IndexedDB. (Other requests may happen: a queued check of a group's
    // website the popup asked about resumes after the restart.)
    const guideLinks = new Set(PAGE_SCENARIOS.map((s) => { const u = new URL(s.url); return `${u.host}${u.pathname}${u.search}`; }));
    expect(session.sim.requests.filter((r) => guideLinks.has(`${r.host}${r.path}`))).toEqual([]);
  });
});
