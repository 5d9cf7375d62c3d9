/**
 * Verdict feeds at an organisation's scale (prints figures, never passes or fails): the built extension in Chromium
 * subscribes to a feed of 100,000 verdicts served in the sealed test network, while a resource page is open in
 * another tab. Prints how long the import took, the page's long main-thread tasks meanwhile (the import runs in the
 * background's own thread: a page should see none over 50 ms), the background's JavaScript heap while importing,
 * and the look-up time of 1,000 links answered from the feed beside 1,000 answered from the browser's own cache
 * and beside an empty look-up (the messaging floor), each the median of several rounds.
 *   npm run bench:feed       (or: scripts/sealed-network.sh node bench/feed-bench.ts [--links 100000] [--rounds 7])
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'puppeteer';
import { buildFeed, renderFeed } from '../src/feed/feed.ts';
import type { LinkHealth } from '../src/health/link-health.ts';
import { startWorld } from '../tests/e2e/setup.ts';

const { values } = parseArgs({
  options: { links: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '7' } },
});
const LINKS = Number(values.links);
const ROUNDS = Number(values.rounds);
const FEED_HOST = 'feeds.bench-clinic.org';
const PAGE_HOST = 'www.bench-guide.org';
const FEED_URL = `https://${FEED_HOST}/verdicts.json`;

execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });

// A night's audit of a very large directory: every link alive, checked an hour ago.
const checkedAt = new Date(Date.now() - 3_600_000).toISOString();
const covered = Array.from(
  { length: LINKS },
  (_, i) => `https://www.group-${String(i % 5_000).padStart(4, '0')}.example/meetings/${i}`,
);
const report = (url: string): LinkHealth => ({
  url,
  verdict: 'alive',
  reason: 'ok',
  detail: '',
  status: 200,
  finalUrl: url,
  redirects: 0,
  newHome: null,
  archive: null,
  checkedAt,
  history: [{ at: checkedAt, outcome: 'ok', reason: 'ok' }],
  firstFailedAt: null,
  lastAliveAt: checkedAt,
});
const feedText = renderFeed(
  buildFeed({
    publisher: 'Bench County Behavioral Health',
    site: 'https://directory.example.org/',
    generatedAt: checkedAt,
    reports: covered.map((u) => [u, report(u)] as [string, LinkHealth]),
  }),
);
const guide = `<!doctype html><title>Support groups</title><h1>Support groups</h1><ul>
<li><a href="https://www.nami.org/">NAMI</a></li><li><a href="https://www.aa.org/">Alcoholics Anonymous</a></li></ul>
<script>window.longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask' });</script>`;

const world = await startWorld(
  { [FEED_HOST]: { '/verdicts.json': feedText }, [PAGE_HOST]: { '/guide.html': guide } },
  { bulkHosts: { count: 50, linksPerHost: 20, delayMs: 0 } },
);
try {
  const options = await world.browser.newPage();
  await options.goto(`chrome-extension://${world.extensionId}/options.html`, { waitUntil: 'load' });
  const send = (type: string, payload: object) =>
    options.evaluate(
      (t: string, p: object) => chrome.runtime.sendMessage({ type: t, payload: p }),
      type,
      payload,
    ) as Promise<{
      verdicts?: unknown[];
      records?: number;
      feeds?: Array<{ links: number; okAt: number | null; problem: string | null }>;
    }>;

  // The browser's own cache: 1,000 links it checked itself.
  const own = world.sim.bulkUrls().slice(0, 1_000);
  await send('lookup', { urls: own });
  for (let i = 0; i < 600 && ((await send('cacheStats', {})).records ?? 0) < own.length; i++)
    await new Promise((r) => setTimeout(r, 500));

  /** The first round (nothing of these links in the background's memory yet), and the median of the others. */
  const timeLookup = async (urls: string[]) => {
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const ms = await options.evaluate(async (u: string[]) => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'lookup', payload: { urls: u } });
        return performance.now() - start;
      }, urls);
      times.push(ms);
    }
    const first = times.shift()!;
    return { first, again: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]! };
  };
  const ms = (t: { first: number; again: number }) => `${t.first.toFixed(1)} ms first, ${t.again.toFixed(1)} ms again`;
  // Today's cache look-up, before any feed is subscribed.
  const ownBefore = await timeLookup(own);

  const page = await world.browser.newPage();
  await page.goto(`https://${PAGE_HOST}/guide.html`, { waitUntil: 'load' });

  const worker = await world.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${world.extensionId}/`),
  );
  const cdp: CDPSession = await worker.createCDPSession();
  const heap = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const heapBefore = await heap();
  let heapPeak = heapBefore;

  const t0 = performance.now();
  await options.evaluate(
    (url: string) => chrome.storage.local.set({ settings: { mode: 'resources', feeds: [url] } }),
    FEED_URL,
  );
  for (;;) {
    heapPeak = Math.max(heapPeak, await heap());
    const feed = (await send('feedStatus', {})).feeds?.[0];
    if (feed?.problem) throw new Error(`the feed was refused: ${feed.problem}`);
    if (feed?.okAt) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const importSeconds = (performance.now() - t0) / 1000;
  const longTasks = (await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)) as number[];

  const sample = covered.filter((_, i) => i % Math.floor(LINKS / 1_000) === 0).slice(0, 1_000);
  const fromFeed = await timeLookup(sample);
  const answered = (await send('lookup', { urls: sample })).verdicts?.length ?? 0;
  const fromOwn = await timeLookup(own);
  const floor = await timeLookup([]);

  const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(
    `Verdict feed of ${LINKS.toLocaleString('en')} links (${mib(feedText.length)} MiB), Chromium, built extension`,
  );
  console.log(`  import (subscribe → stored)     ${importSeconds.toFixed(1)} s`);
  console.log(
    `  page's long tasks meanwhile     ${longTasks.length} (longest ${longTasks.length ? Math.max(...longTasks).toFixed(0) : 0} ms; over 50 ms: ${longTasks.filter((d) => d > 50).length})`,
  );
  console.log(
    `  background JS heap              ${mib(heapBefore)} MiB before, ${mib(heapPeak)} MiB at most while importing`,
  );
  console.log(`Look-up of 1,000 links from the options page (the first round, then the median of ${ROUNDS - 1} more):`);
  console.log(`  from the feed                   ${ms(fromFeed)}  (${answered} answered)`);
  console.log(`  from the browser's own cache    ${ms(fromOwn)}  (before any feed was subscribed: ${ms(ownBefore)})`);
  console.log(`  empty look-up (messaging floor) ${ms(floor)}`);
  console.log(`  ratio feed / own cache, again   ${(fromFeed.again / fromOwn.again).toFixed(2)}`);
  await cdp.detach();
} finally {
  await world.close();
}
