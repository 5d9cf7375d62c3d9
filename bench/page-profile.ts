/**
 * Where the content script's time goes (prints figures, never passes or fails): the e2e budgets' two pages
 * (tests/e2e/pages.ts) opened in Chromium with an unminified build of the extension, each under the browser's CPU
 * profiler. Prints the script's own busy figure and, per function, the self time sampled while our code was on the
 * stack, averaged over the pages. The profiler itself slows the page, so read the shares, not the totals, against
 * `npm run test:e2e`'s budgets.
 *   npm run bench:page        (or: node bench/page-profile.ts [--pages 8] [--top 15])
 * It rebuilds .output/chrome-mv3 unminified for the run and builds it again as usual at the end.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'puppeteer';
import { pageServing, settled } from '../tests/e2e/harness.ts';
import { bigPage, ordinaryPage } from '../tests/e2e/pages.ts';
import { startWorld, type World } from '../tests/e2e/setup.ts';

const { values } = parseArgs({
  options: { pages: { type: 'string', default: '8' }, top: { type: 'string', default: '15' } },
});
const PAGES = Number(values.pages);
const TOP = Number(values.top);
const HOST = 'www.budget-tests.org';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function build(env: Record<string, string> = {}): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, ...env } });
}

/**
 * Self time per function, in ms, of the samples taken while one of our page scripts (the first look, page-look.js, or
 * the marker, page-marker.js) was on the stack.
 */
function selfTimes(profile: Profile, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map<number, boolean>();
  const inOurs = (id: number): boolean => {
    let known = ours.get(id);
    if (known === undefined) {
      const node = byId.get(id)!;
      const up = parent.get(id);
      known = /\/page-(?:look|marker)\.js$/.test(node.callFrame.url) || (up !== undefined && inOurs(up));
      ours.set(id, known);
    }
    return known;
  };
  profile.samples.forEach((id, k) => {
    const node = byId.get(id)!;
    // The garbage collector runs outside any stack: counted apart, as the page's whole.
    const gc = node.callFrame.functionName === '(garbage collector)';
    if (!gc && !inOurs(id)) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = gc
      ? '(garbage collector, whole page)'
      : `${functionName || '(anonymous)'}${url ? ` ${url.replace(/^.*\//, '')}:${lineNumber + 1}` : ' (browser)'}`;
    into.set(key, (into.get(key) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
  });
}

async function profiled(page: Page, go: () => Promise<void>): Promise<Profile> {
  const cdp: CDPSession = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await go();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return profile;
}

function serve(world: World, html: string): Promise<Page> {
  return pageServing(world.browser, `https://${HOST}/page.html`, html);
}

async function measure(
  world: World,
  html: string,
  until: string,
): Promise<{ figures: Map<string, number[]>; self: Map<string, number> }> {
  const figures = new Map<string, number[]>();
  const self = new Map<string, number>();
  // The first page compiles our script; the rest are what every later page costs.
  for (let i = 0; i <= PAGES; i++) {
    const page = await serve(world, html);
    const profile = await profiled(page, async () => {
      await page.goto(`https://${HOST}/page.html`);
      await page.waitForFunction(
        (n: string) => performance.getEntriesByName(n).length > 0,
        { timeout: 60_000, polling: 100 },
        until,
      );
    });
    if (i > 0) {
      selfTimes(profile, self);
      const read = await page.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('still-there:'))
            .map((m) => [m.name.slice(12), m.duration]),
        ),
      );
      for (const [name, ms] of Object.entries(read)) figures.set(name, [...(figures.get(name) ?? []), ms]);
    }
    await page.close();
  }
  return { figures, self };
}

function report(title: string, result: Awaited<ReturnType<typeof measure>>): void {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\n${title} (mean of ${PAGES} pages, under the profiler):`);
  console.log(`  ${[...result.figures].map(([name, xs]) => `${name} ${mean(xs).toFixed(1)} ms`).join(', ')}`);
  const total = [...result.self].filter(([k]) => !k.startsWith('(garbage')).reduce((a, [, v]) => a + v, 0) / PAGES;
  console.log(`  sampled with our code on the stack: ${total.toFixed(1)} ms; self time by function:`);
  for (const [name, ms] of [...result.self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`  ${(ms / PAGES).toFixed(2).padStart(7)} ms  ${name}`);
}

build({ STILL_THERE_UNMINIFIED: '1' });
const world = await startWorld({}, { bulkHosts: { count: 200, linksPerHost: 5, delayMs: 0 } });
try {
  console.log(
    `Chromium ${(await world.browser.version()).replace(/^\D+/, '')}, unminified build; line numbers are those of .output/chrome-mv3/page-look.js or page-marker.js.`,
  );
  report('2,000 ordinary links, no resources', await measure(world, ordinaryPage(), 'still-there:busy'));
  const big = bigPage(world.sim.bulkUrls());
  const first = await serve(world, big);
  await first.goto(`https://${HOST}/page.html`);
  await settled(first, 120_000); // every verdict now in IndexedDB
  await first.close();
  report('10,000 links, 1,000 resources cached', await measure(world, big, 'still-there:cached-drawn'));
} finally {
  await world.close();
  build();
}
