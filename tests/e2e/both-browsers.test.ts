/**
 * One test body, run against Chromium and Firefox ESR: the marks for every kind of link, archive and new-home
 * links, the badge, the popup's search, waking the script of a page without resource links, and verdicts that
 * survive a browser restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDirectoryUrl } from '../../src/directory/lookup.ts';
import { BROWSERS, extensionApi, startSession, type Session } from './browsers.ts';
import { readMarks, settled, visit, type Mark } from './harness.ts';
import { PAGE_HOST, PAGE_SCENARIOS, resourceList } from './pages.ts';

const GUIDE = `https://${PAGE_HOST}/guide.html`;
/** No mutual-aid word, name or address: the content script sets up no messaging here until woken. */
const ORDINARY = `https://${PAGE_HOST}/ordinary.html`;
const ordinaryPage = `<!doctype html><title>County fair</title><p>The <a href="/guide.html">county guide</a> and the
<a href="https://www.county-news.example/fair.html">fair's program</a>.</p>`;

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  let marks: Map<string, Mark>;

  beforeAll(async () => {
    session = await startSession(kind, {
      [PAGE_HOST]: { '/guide.html': resourceList(), '/ordinary.html': ordinaryPage },
    });
    const page = await session.browser.newPage();
    await visit(page, GUIDE);
    await settled(page, 90_000);
    marks = new Map((await readMarks(page)).map((m) => [m.href, m]));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('marks every kind of link as the contract says', () => {
    const wrong = PAGE_SCENARIOS.map((s) => ({
      url: s.url,
      want: `${s.expect.verdict}/${s.expect.reason}`,
      got: `${marks.get(s.url)?.health}/${marks.get(s.url)?.reason}`,
    })).filter((r) => r.want !== r.got);
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
    await popup.waitForFunction(
      () => document.querySelector('#results > li')?.getAttribute('data-group-id') === 'dbsa',
      { timeout: 10_000 },
    );
    const phones = await popup.$$eval('#results > li[data-group-id="dbsa"] .phones a', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    expect(phones).toContain('tel:+18008263632');
    await popup.close();
  });

  it('wakes the script of a page without resource links when the audit page asks for its links', async () => {
    const page = await session.browser.newPage();
    await visit(page, ORDINARY);
    // The script has run (its budget figure is there) and marked nothing.
    await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
      timeout: 15_000,
      polling: 100,
    });
    const extension = await session.extensionPage();
    const ask = () =>
      extension.evaluate(async (url: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const [tab] = await api.tabs.query({ url });
        return api.tabs.sendMessage(tab!.id!, { type: 'pageLinks' }, { frameId: 0 }).then(
          () => 'answered',
          () => 'no one listening',
        );
      }, ORDINARY);
    expect(await ask()).toBe('no one listening');
    const tabId = await extension.evaluate(
      async (url: string) =>
        (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.query({ url }))[0]!.id!,
      ORDINARY,
    );
    const audit = await session.extensionPage(`/audit.html?tab=${tabId}`);
    await audit.waitForFunction(() => document.querySelectorAll('#links tbody tr').length === 2, {
      timeout: 30_000,
      polling: 100,
    });
    expect(
      await audit.$$eval('#links tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.url).sort()),
    ).toEqual(['https://www.county-news.example/fair.html', GUIDE]);
    expect(await ask()).toBe('answered');
    expect(await page.$$eval('[data-link-health]', (a) => a.length)).toBe(0);
    await audit.close();
    await page.close();
  });

  it('keeps its verdicts across a browser restart, asking no site again', async () => {
    await session.restart();
    session.sim.reset();
    const page = await session.browser.newPage();
    await visit(page, GUIDE);
    await settled(page, 30_000);
    const again = new Map((await readMarks(page)).map((m) => [m.href, m.health]));
    expect(again).toEqual(new Map([...marks].map(([href, m]) => [href, m.health])));
    // The guide's links are answered from IndexedDB. (Other requests may happen: a queued check of a group's
    // website the popup asked about resumes after the restart.)
    const guideLinks = new Set(
      PAGE_SCENARIOS.map((s) => {
        const u = new URL(s.url);
        return `${u.host}${u.pathname}${u.search}`;
      }),
    );
    expect(session.sim.requests.filter((r) => guideLinks.has(`${r.host}${r.path}`))).toEqual([]);
  });
});
