/**
 * Verdicts live in IndexedDB: after the service worker is stopped, and after the browser restarts, a page marks
 * from the cache without asking the sites again; a worker stopped mid-queue resumes its work.
 */
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMarks, settled } from './harness.ts';
import { PAGE_HOST, PAGE_SCENARIOS, resourceList } from './pages.ts';
import { open, startWorld, type World } from './setup.ts';

const scenarios = PAGE_SCENARIOS.filter((s) => !s.timing);
const GUIDE = `https://${PAGE_HOST}/guide.html`;
let world: World;
let firstVisit: Map<string, string | null>;

/** Stops every service worker the way Chrome does after 30 s idle, without attaching to it (that would keep it alive). */
async function stopServiceWorkers(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  const session = await page.createCDPSession();
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await page.close();
}

function siteRequests(world: World): number {
  return world.sim.requests.filter((r) => r.host !== PAGE_HOST).length;
}

beforeAll(async () => {
  world = await startWorld({ [PAGE_HOST]: { '/guide.html': resourceList(scenarios) } });
  const page = await open(world, GUIDE);
  await settled(page, 90_000);
  firstVisit = new Map((await readMarks(page)).map((m) => [m.href, m.health]));
  await page.close();
});

afterAll(async () => {
  await world?.close();
});

describe('verdicts survive', () => {
  it('a stopped service worker: the next page marks from IndexedDB, asking no site again', async () => {
    await stopServiceWorkers(world.browser);
    world.sim.reset();
    const page = await open(world, GUIDE);
    await settled(page, 30_000);
    const marks = new Map((await readMarks(page)).map((m) => [m.href, m.health]));
    expect(marks).toEqual(firstVisit);
    expect(siteRequests(world)).toBe(0);
    await page.close();
  });

  it('a browser restart', async () => {
    await world.restart();
    world.sim.reset();
    const page = await open(world, GUIDE);
    await settled(page, 30_000);
    expect(new Map((await readMarks(page)).map((m) => [m.href, m.health]))).toEqual(firstVisit);
    // Named on failure: which site was asked again, and for what.
    expect(world.sim.requests.filter((r) => r.host !== PAGE_HOST).map((r) => `${r.host}${r.path}`)).toEqual([]);
  });
});

describe('a worker stopped in the middle of its queue', () => {
  it('resumes where it was and every link still gets its verdict', async () => {
    const slow = await startWorld(
      { [PAGE_HOST]: { '/slow.html': resourceList(scenarios.filter((s) => s.expect.verdict === 'alive')) } },
      { delayMs: 1_500 },
    );
    try {
      const page = await open(slow, `https://${PAGE_HOST}/slow.html`);
      await page.waitForSelector('a[data-link-health="checking"]');
      await new Promise((r) => setTimeout(r, 700));
      await stopServiceWorkers(slow.browser);
      const checkingAfterStop = await page.$$eval('a[data-link-health="checking"]', (as) => as.length);
      expect(checkingAfterStop).toBeGreaterThan(0);
      await settled(page, 90_000);
      const alive = scenarios.filter((s) => s.expect.verdict === 'alive').map((s) => s.url);
      const marks = new Map((await readMarks(page)).map((m) => [m.href, m.health]));
      expect(alive.map((url) => marks.get(url))).toEqual(alive.map(() => 'alive'));
    } finally {
      await slow.close();
    }
  });
});
