/**
 * The built extension in Chromium, on a county resource page whose links play every real-world state: the
 * marking contract for each kind of link, live links untouched, archive and new-home links right, the badge.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDirectoryUrl } from '../../src/directory/lookup.ts';
import { readMarks, serviceWorker, settled, visit, type Mark } from './harness.ts';
import { PAGE_HOST, PAGE_SCENARIOS, resourceList } from './pages.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { open, startWorld, type World } from './setup.ts';

const DBSA = 'http://dbsalliance.org/support/chapters-and-support-groups/';
const PHONES_PAGE = `<!doctype html><title>Phones</title><ul>
<li id="old">Depression and Bipolar Support Alliance (formerly NDMDA), (800) 826-3600: <a href="${DBSA}">DBSA chapters</a></li>
<li id="current">Depression and Bipolar Support Alliance, (800) 826-3632: <a href="${DBSA}#x">DBSA chapters</a></li>
</ul>`;

/** Dead links on lapsed domains the directory does not tie to any group, named by their own words. */
const NAMED_PAGE = `<!doctype html><title>Groups</title><ul>
<li>Anxiety self-help: <a href="${U.noSuchDomain}">Recovery, Inc.</a></li>
<li>Family support: <a href="http://www.no-such-site.org/">NAMI and Al-Anon meetings</a></li></ul>`;

/**
 * Links behind redirect wrappers: the county's own exit script, and a mail scanner's rewritten link pasted from an
 * email. Neither wrapper exists on the simulated web (nothing fetches it); the addresses they carry do.
 */
const WRAPPED_PAGE = `<!doctype html><title>Leaving our site</title><ul>
<li><a id="dead" href="/exit.php?url=${encodeURIComponent(U.bigBookChapter)}">Click here</a> for chapter 4</li>
<li><a id="alive" href="https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://www.nami.org/')}&amp;data=05">NAMI</a></li>
<li><a id="ordinary" href="/exit.php?url=${encodeURIComponent('https://www.example.com/')}">Bus timetable</a></li></ul>`;

let world: World;
let page: Page;
let marks: Map<string, Mark>;

beforeAll(async () => {
  world = await startWorld({
    [PAGE_HOST]: {
      '/guide.html': resourceList(),
      '/phones.html': PHONES_PAGE,
      '/named.html': NAMED_PAGE,
      '/wrapped.html': WRAPPED_PAGE,
    },
  });
  page = await open(world, `https://${PAGE_HOST}/guide.html`);
  await settled(page, 90_000);
  marks = new Map((await readMarks(page)).map((m) => [m.href, m]));
});

afterAll(async () => {
  await world?.close();
});

describe('the marking contract, link by link', () => {
  it.each(PAGE_SCENARIOS.map((s) => [s.plays, s] as const))('%s', (_plays, s) => {
    const m = marks.get(s.url)!;
    expect(m, s.url).toBeDefined();
    expect([m.health, m.reason]).toEqual([s.expect.verdict, s.expect.reason]);
    expect(m.struck).toBe(s.expect.verdict === 'dead');
    if (s.expect.verdict === 'dead') {
      expect(m.description).toMatch(/when checked on \d{1,2} \w{3} \d{4}\..*You may still try the link\./);
      expect(m.title).toBe(m.description?.trim());
      if (s.expect.archiveTimestamp) {
        expect(m.archive).toBe(`https://web.archive.org/web/${s.expect.archiveTimestamp}/${s.url}`);
        expect(m.description).toMatch(/Archived copy from \w+ \d{4}\./);
      }
      if (s.expect.archiveTimestamp === null) expect(m.archive).toBeNull();
    }
    if (s.expect.verdict === 'alive') {
      expect([m.archive, m.newHome, m.movedTo, m.title, m.description]).toEqual([null, null, null, null, null]);
    }
    if (s.expect.verdict === 'moved') expect(m.movedTo).toMatch(/^→ /);
    if (s.expect.verdict === 'unverified')
      expect([m.struck, m.archive, m.movedTo, m.title]).toEqual([false, null, null, null]);
  });
});

describe('what the page gains and keeps', () => {
  it('keeps every link\'s href as it was: the guide\'s "you may try them anyway"', async () => {
    const hrefs = await page.$$eval('#list a:not([data-link-health-extras] a)', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    expect(hrefs).toEqual(PAGE_SCENARIOS.map((s) => s.url));
  });

  it('offers the group’s current site beside a dead link to its former domain', () => {
    const oldOcf = [...marks.values()].find((m) => m.href === 'http://www.ocfoundation.org/EO_Hoarding.aspx')!;
    expect(oldOcf.newHome).toBe('https://iocdf.org/');
    expect(oldOcf.newHomeIsLink).toBe(true);
    expect(oldOcf.description).toMatch(/now at iocdf\.org/);
  });

  it("offers the group a dead link's own words name, said as such, when its address is unknown to the directory", async () => {
    const named = await open(world, `https://${PAGE_HOST}/named.html`);
    await settled(named, 60_000);
    const [inc, two] = await readMarks(named);
    expect([inc!.health, inc!.reason]).toEqual(['dead', 'no-such-domain']);
    expect(inc!.newHomeText).toBe('Recovery, Inc. is now Recovery International: recoveryinternational.org');
    expect([inc!.newHome, inc!.newHomeIsLink]).toEqual(['https://recoveryinternational.org/', true]);
    // Words naming two groups say nothing of where either went.
    expect([two!.health, two!.newHome]).toEqual(['dead', null]);
    await named.close();
  });

  it('judges a link behind a redirect wrapper by the address it carries, and never fetches the wrapper', async () => {
    const wrapped = await open(world, `https://${PAGE_HOST}/wrapped.html`);
    await settled(wrapped, 60_000);
    const byId = async (id: string) =>
      wrapped.$eval(`#${id}`, (a) => [a.getAttribute('data-link-health'), a.getAttribute('href')]);
    expect((await byId('dead'))[0]).toBe('dead');
    expect((await byId('alive'))[0]).toBe('alive');
    expect((await byId('ordinary'))[0]).toBeNull();
    // The archived copy is the carried address's; the page's own href is left as written.
    const archive = await wrapped.$eval(
      '#dead + [data-link-health-extras] a[href^="https://web.archive.org/"]',
      (a) => (a as HTMLAnchorElement).href,
    );
    expect(archive).toBe(`https://web.archive.org/web/20080513062455/${U.bigBookChapter}`);
    expect((await byId('dead'))[1]).toBe(`/exit.php?url=${encodeURIComponent(U.bigBookChapter)}`);
    expect(world.sim.requests.filter((r) => r.path.startsWith('/exit.php') || r.host.includes('safelinks'))).toEqual(
      [],
    );
    await wrapped.close();
  });

  it('inserts links only to Wayback captures and directory sites', async () => {
    const inserted = await page.$$eval('[data-link-health-extras] a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(inserted.length).toBeGreaterThan(3);
    for (const href of inserted)
      expect(/^https:\/\/web\.archive\.org\/web\/\d{14}\//.test(href) || isDirectoryUrl(href), href).toBe(true);
  });

  it('leaves the page’s own navigation alone in resource mode', () => {
    expect(marks.get('/')?.health).toBeNull();
    expect(marks.get('/about')?.health).toBeNull();
  });

  it('shows the number of dead resource links on the toolbar badge', async () => {
    const dead = [...marks.values()].filter((m) => m.health === 'dead').length;
    const worker = await serviceWorker(world.browser, world.extensionId);
    const badge = await worker.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.action.getBadgeText({ tabId: tab!.id! });
    }, `https://${PAGE_HOST}/guide.html`);
    expect(badge).toBe(String(dead));
    expect(dead).toBe(PAGE_SCENARIOS.filter((s) => s.expect.verdict === 'dead').length);
  });

  it('marking twice duplicates nothing', async () => {
    const before = await page.$$eval('[data-link-health-extras]', (els) => els.length);
    const worker = await serviceWorker(world.browser, world.extensionId);
    await worker.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'recheckPage' });
    }, `https://${PAGE_HOST}/guide.html`);
    await new Promise((r) => setTimeout(r, 500));
    await settled(page, 90_000);
    expect(await page.$$eval('[data-link-health-extras]', (els) => els.length)).toBe(before);
  });
});

describe('a page served as XHTML', () => {
  it('is marked like any other, though its element names read in lower case there', async () => {
    // Two of the guide's links, one working and one dead, in a document the browser parses as XML.
    const chosen = [
      PAGE_SCENARIOS.find((s) => s.expect.verdict === 'alive')!,
      PAGE_SCENARIOS.find((s) => s.expect.verdict === 'dead')!,
    ];
    const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>Support groups</title></head><body><ul>
${chosen.map((s) => `<li>Peer support group: <a href="${xml(s.url)}">${xml(new URL(s.url).hostname)}</a></li>`).join('\n')}
</ul></body></html>`;
    const url = `https://${PAGE_HOST}/guide.xhtml`;
    const xhtml = await world.browser.newPage();
    await xhtml.setRequestInterception(true);
    xhtml.on('request', (r) =>
      r.url() === url ? void r.respond({ status: 200, contentType: 'application/xhtml+xml', body }) : void r.continue(),
    );
    await visit(xhtml, url);
    expect(await xhtml.evaluate(() => document.querySelector('a')!.tagName)).toBe('a'); // XML: as written
    await settled(xhtml, 60_000);
    const got = new Map((await readMarks(xhtml)).map((m) => [m.href, m.health]));
    expect(chosen.map((s) => got.get(s.url))).toEqual(chosen.map((s) => s.expect.verdict));
    await xhtml.close();
  });
});

describe('the off switch', () => {
  it('removes every mark when the user turns the extension off for the site, and marks again when turned on', async () => {
    const worker = await serviceWorker(world.browser, world.extensionId);
    await worker.evaluate(
      async (host: string) => chrome.storage.local.set({ settings: { offSites: [host] } }),
      PAGE_HOST,
    );
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-link-health], [data-link-health-extras], [data-link-health-reason]').length ===
        0,
      { timeout: 10_000 },
    );
    const titles = await page.$$eval(
      '#list a',
      (as) => as.filter((a) => a.hasAttribute('title') || a.hasAttribute('aria-describedby')).length,
    );
    expect(titles).toBe(0);
    await worker.evaluate(async () => chrome.storage.local.set({ settings: {} }));
    await settled(page, 30_000);
    expect((await readMarks(page)).filter((m) => m.health === 'dead').length).toBeGreaterThan(0);
  });
});

describe('a phone number beside a group’s link', () => {
  it('is flagged when the directory lists another number for the group, and only then', async () => {
    const p = await open(world, `https://${PAGE_HOST}/phones.html`);
    await settled(p, 30_000);
    const notes = await p.$$eval('[data-link-health-phone-note]', (ns) =>
      ns.map((n) => ({ in: n.closest('li')!.id, label: n.getAttribute('aria-label'), text: n.textContent })),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.in).toBe('old');
    expect(notes[0]!.text).toBe('☎ directory: (800) 826-3632');
    expect(notes[0]!.label).toMatch(
      /^The directory lists \(800\) 826-3632 for Depression and Bipolar Support Alliance, verified \d{1,2} \w{3} \d{4}; this page says \(800\) 826-3600\.$/,
    );
    await p.close();
  });
});
