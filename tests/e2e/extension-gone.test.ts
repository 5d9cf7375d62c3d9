/**
 * An extension that goes away from under open pages and does not come back (turned off, removed; here, Chromium
 * disables an unpacked extension that reloads itself) leaves the old content script in the tabs already open, with
 * nothing of the extension behind it. (After an update the new copy takes the pages over instead:
 * tests/e2e/open-pages.test.ts.) Its marks can no longer be kept true, so the first time it needs the extension (the
 * page adds a link) it stops and takes every mark away, as turning it off for the site would. A page the first look
 * found quiet (src/page-marker/first-look.ts) has no marker to stop, and marks nothing when it asks and finds no one.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from './harness.ts';
import { PAGE_HOST, resourceList } from './pages.ts';
import { open, startWorld, type World } from './setup.ts';

const GUIDE = `https://${PAGE_HOST}/guide.html`;
const ORDINARY = `https://${PAGE_HOST}/ordinary.html`;
const ordinaryPage =
  '<!doctype html><title>County fair</title><ul id="list"><li><a href="https://www.county-news.example/fair.html">The fair</a></li></ul>';
/** A resource link the pages add after the extension is gone, on none of them before: the script must ask about it. */
const added = 'https://www.nami.org/after-the-update';

let world: World;
let guide: Page;
let ordinary: Page;

beforeAll(async () => {
  world = await startWorld({ [PAGE_HOST]: { '/guide.html': resourceList(), '/ordinary.html': ordinaryPage } });
  guide = await open(world, GUIDE);
  await settled(guide, 90_000);
  ordinary = await open(world, ORDINARY);
  await ordinary.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
    timeout: 15_000,
    polling: 100,
  });
  // The extension reloads itself, as after an update; the tabs keep their old scripts.
  const options = await world.browser.newPage();
  await options.goto(`chrome-extension://${world.extensionId}/options.html`);
  await options.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
});

afterAll(async () => {
  await world?.close();
});

/**
 * Adds the link, and records in the page every value our data-link-health attribute held before each change from
 * then on (the value it was changed from: a mark set and taken away within one task still shows as 'checking').
 */
async function addResourceLink(page: Page): Promise<void> {
  await page.evaluate((href: string) => {
    const seen: string[] = [];
    (window as unknown as { seenHealth: string[] }).seenHealth = seen;
    new MutationObserver((records) => {
      for (const r of records) seen.push(r.oldValue ?? '(none)');
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-link-health'],
    });
    const li = document.createElement('li');
    li.textContent = 'Peer support group: ';
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'a new resource';
    li.append(a);
    (document.querySelector('#list') ?? document.body).append(li);
  }, added);
}

describe('after the extension is updated or reloaded under open pages', () => {
  it('a marked page loses every mark when it next needs the extension', async () => {
    expect(await guide.$$eval('a[data-link-health]', (a) => a.length)).toBeGreaterThan(0);
    await addResourceLink(guide);
    await guide.waitForFunction(
      () => document.querySelectorAll('[data-link-health], [data-link-health-extras]').length === 0,
      { timeout: 15_000, polling: 100 },
    );
  });

  it('a page the first look found quiet marks nothing, not even "checking", when it asks and finds it gone', async () => {
    await addResourceLink(ordinary);
    // The new link is seen (the observer waits 250 ms for a burst of changes to end) and the first look asks the
    // background, which is gone: no marker ever comes, so nothing is marked at any moment.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await ordinary.evaluate(() => (window as unknown as { seenHealth: string[] }).seenHealth)).toEqual([]);
    expect(await ordinary.$$eval('[data-link-health], [data-link-health-extras]', (a) => a.length)).toBe(0);
  });
});
