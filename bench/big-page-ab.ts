/**
 * Two builds of the extension on the budgets' 10,000-link page with 1,000 resource links whose verdicts are cached
 * (tests/e2e/budgets.test.ts), in alternating rounds so that the machine's load falls on both alike: the longest
 * task of ours (the still-there:longest-slice measure: the first look, setting up, wiring, and every slice of
 * scanning and drawing), when every cached verdict is drawn, and the page's busy time in all, medians over every
 * page of every round. Prints figures, never passes or fails.
 *   npx wxt build && cp -r .output/chrome-mv3 /tmp/after   (and likewise a build of main into /tmp/before)
 *   scripts/sealed-network.sh node bench/big-page-ab.ts /tmp/before /tmp/after [--rounds 3] [--pages 4]
 * The builds are copied in turn to .output/chrome-mv3, where the test harness loads the extension from: rebuild
 * afterwards.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer';
import { CHROME_EXTENSION, pageServing, settled } from '../tests/e2e/harness.ts';
import { bigPage } from '../tests/e2e/pages.ts';
import { startWorld, type World } from '../tests/e2e/setup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' }, pages: { type: 'string', default: '4' } },
});
if (positionals.length < 2)
  throw new Error('usage: node bench/big-page-ab.ts BUILD_A BUILD_B [--rounds N] [--pages N]');
const HOST = 'www.budget-tests.org';
const MEASURES = ['longest-slice', 'cached-drawn', 'busy'] as const;

const BIG = `https://${HOST}/big.html`;

/** The big page, served by the browser itself as the budgets test serves it (its links' sites are the simulation's). */
async function openBig(world: World, html: string): Promise<Page> {
  const page = await pageServing(world.browser, BIG, html);
  await page.goto(BIG);
  return page;
}

const figures = new Map(positionals.map((b) => [b, new Map(MEASURES.map((m) => [m, [] as number[]]))]));
for (let round = 0; round < Number(values.rounds); round++) {
  for (const build of positionals) {
    rmSync(CHROME_EXTENSION, { recursive: true, force: true });
    cpSync(path.resolve(build), CHROME_EXTENSION, { recursive: true });
    const world = await startWorld({}, { bulkHosts: { count: 200, linksPerHost: 5, delayMs: 0 } });
    try {
      const html = bigPage(world.sim.bulkUrls());
      // The first visit checks every resource link and caches the verdicts; the pages measured are the visits after.
      const first = await openBig(world, html);
      await settled(first, 120_000);
      await first.close();
      for (let i = 0; i < Number(values.pages); i++) {
        const page = await openBig(world, html);
        await page.waitForFunction(() => performance.getEntriesByName('still-there:cached-drawn').length > 0, {
          timeout: 60_000,
          polling: 50,
        });
        for (const m of MEASURES) {
          const ms = await page.evaluate((n) => performance.getEntriesByName(`still-there:${n}`)[0]!.duration, m);
          figures.get(build)!.get(m)!.push(ms);
        }
        await page.close();
      }
    } finally {
      await world.close();
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
for (const [build, f] of figures) {
  const longest = f.get('longest-slice')!;
  console.log(
    `${build}: longest task median ${median(longest).toFixed(1)} ms (${range(longest)}), all drawn median ${median(f.get('cached-drawn')!).toFixed(0)} ms, busy median ${median(f.get('busy')!).toFixed(0)} ms (${longest.length} pages)`,
  );
}
