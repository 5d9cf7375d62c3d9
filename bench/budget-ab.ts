/**
 * Two builds of the extension on the budgets' ordinary 2,000-link page (tests/e2e/pages.ts), in alternating rounds so
 * that the machine's load falls on both alike: the content script's busy time (its still-there:busy measure) and
 * the reading floor of tests/e2e/budgets.test.ts (the page's text and every link's href read from a fresh isolated
 * world on a fresh copy of the page), medians over every page of every round. Prints figures, never passes or fails.
 *   npx wxt build && cp -r .output/chrome-mv3 /tmp/after   (and likewise a build of main into /tmp/before)
 *   scripts/sealed-network.sh node bench/budget-ab.ts /tmp/before /tmp/after [--rounds 3] [--pages 6]
 * The builds are copied in turn to .output/chrome-mv3, where the test harness loads the extension from: rebuild
 * afterwards.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_EXTENSION } from '../tests/e2e/harness.ts';
import { ordinaryPage } from '../tests/e2e/pages.ts';
import { readingFloor } from '../tests/e2e/reading-floor.ts';
import { open, startWorld } from '../tests/e2e/setup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' }, pages: { type: 'string', default: '6' } },
});
if (positionals.length < 2) throw new Error('usage: node bench/budget-ab.ts BUILD_A BUILD_B [--rounds N] [--pages N]');
const HOST = 'www.budget-tests.org';
const html = ordinaryPage();

const figures = new Map(positionals.map((b) => [b, { busy: [] as number[], floor: [] as number[] }]));
for (let round = 0; round < Number(values.rounds); round++) {
  for (const build of positionals) {
    rmSync(CHROME_EXTENSION, { recursive: true, force: true });
    cpSync(path.resolve(build), CHROME_EXTENSION, { recursive: true });
    const world = await startWorld({ [HOST]: { '/ordinary.html': html } });
    try {
      // The first page after the browser starts compiles our script: left out, as in the budgets test.
      for (let i = 0; i <= Number(values.pages); i++) {
        const page = await open(world, `https://${HOST}/ordinary.html`);
        await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
          timeout: 60_000,
          polling: 50,
        });
        const busy = await page.evaluate(() => performance.getEntriesByName('still-there:busy')[0]!.duration);
        await page.close();
        const floor = (await readingFloor(world.browser, html)).ms;
        if (i > 0) {
          figures.get(build)!.busy.push(busy);
          figures.get(build)!.floor.push(floor);
        }
      }
    } finally {
      await world.close();
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [build, f] of figures) {
  console.log(
    `${build}: content script busy median ${median(f.busy).toFixed(1)} ms, reading floor median ${median(f.floor).toFixed(1)} ms, ratio ${(median(f.busy) / median(f.floor)).toFixed(2)}x (${f.busy.length} pages)`,
  );
}
