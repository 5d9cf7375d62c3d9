/**
 * What an ordinary page costs the extension's background, beside what it costs the page: the budgets' ordinary
 * 2,000-link page (tests/e2e/pages.ts) opened again and again in Chromium with each build given, under the CPU
 * profiler of the extension's worker. The background's figure is the worker's sampled time outside idle and the
 * engine's own bookkeeping ("(program)"), per page: the work the page's content script hands it. The page's own busy
 * time (its still-there:busy measure) is printed beside it. The worker is awake throughout (its start-up, when a page
 * wakes it after it slept, is not in these figures). Prints figures, never passes or fails.
 *   npx wxt build && cp -r .output/chrome-mv3 /tmp/after   (and likewise other builds)
 *   scripts/sealed-network.sh node bench/background-cost.ts /tmp/before /tmp/after [--pages 8]
 * The builds are copied in turn to .output/chrome-mv3, where the test harness loads the extension from: rebuild
 * afterwards.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_EXTENSION } from '../tests/e2e/harness.ts';
import { ordinaryPage } from '../tests/e2e/pages.ts';
import { open, startWorld } from '../tests/e2e/setup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pages: { type: 'string', default: '8' } },
});
if (positionals.length < 1) throw new Error('usage: node bench/background-cost.ts BUILD [BUILD ...] [--pages N]');
const HOST = 'www.budget-tests.org';
const PAGE = `https://${HOST}/ordinary.html`;
const pages = Number(values.pages);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const build of positionals) {
  rmSync(CHROME_EXTENSION, { recursive: true, force: true });
  cpSync(path.resolve(build), CHROME_EXTENSION, { recursive: true });
  const world = await startWorld({ [HOST]: { '/ordinary.html': ordinaryPage() } });
  try {
    await (await open(world, PAGE)).close(); // the first page after the browser starts compiles our script
    const worker = await world.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${world.extensionId}/`),
    );
    const cdp = await worker.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const busy: number[] = [];
    for (let i = 0; i < pages; i++) {
      const page = await open(world, PAGE);
      await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
        timeout: 60_000,
      });
      busy.push(await page.evaluate(() => performance.getEntriesByName('still-there:busy')[0]!.duration));
      await new Promise((r) => setTimeout(r, 500)); // what the page set off in the background ends well within this
      await page.close();
    }
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const self = new Map<string, number>();
    (profile.samples ?? []).forEach((id, i) => {
      const frame = nodes.get(id)!;
      const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      self.set(where, (self.get(where) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
    });
    const working = [...self].filter(([where]) => !/^\((idle|program)\)/.test(where));
    const total = working.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `${build}: page busy median ${median(busy).toFixed(1)} ms; background ${(total / pages).toFixed(1)} ms a page ` +
        `(${total.toFixed(0)} ms sampled over ${pages} pages); most of it in: ` +
        working
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([where, ms]) => `${where} ${(ms / pages).toFixed(1)} ms`)
          .join(', '),
    );
  } finally {
    await world.close();
  }
}
