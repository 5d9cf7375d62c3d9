/**
 * What "Audit this page" costs the page it audits: on the budgets' 10,000-link page (tests/e2e/pages.ts), with its
 * cached verdicts drawn, an extension page asks the page's marker for every link, as the report does, under
 * Chromium's tracing; prints the longest tasks on the page's main thread while the answer is made (its marker reads
 * the links in slices, src/page-marker/page-links.ts), and on the extension's for comparison. Prints figures, never
 * passes or fails.
 *   npx wxt build && scripts/sealed-network.sh node bench/audit-page-task.ts
 */
import { Buffer } from 'node:buffer';
import { pageServing, settled } from '../tests/e2e/harness.ts';
import { bigPage } from '../tests/e2e/pages.ts';
import { startWorld } from '../tests/e2e/setup.ts';

interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; data?: { frames?: { url: string; processId: number }[] } };
}

const BIG = 'https://www.budget-tests.org/big.html';
const world = await startWorld({}, { bulkHosts: { count: 200, linksPerHost: 5, delayMs: 0 } });
try {
  const page = await pageServing(world.browser, BIG, bigPage(world.sim.bulkUrls()));
  await page.goto(BIG);
  await settled(page, 120_000);
  const asker = await world.browser.newPage();
  await asker.goto(`chrome-extension://${world.extensionId}/options.html`);
  await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline'] });
  const began = Date.now();
  const listed = await asker.evaluate(async (url: string) => {
    const [tab] = await chrome.tabs.query({ url });
    const answer = (await chrome.tabs.sendMessage(tab!.id!, { type: 'pageLinks' }, { frameId: 0 })) as {
      links: unknown[];
    };
    return answer.links.length;
  }, BIG);
  const answeredMs = Date.now() - began;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as { traceEvents: TraceEvent[] };
  console.log(`the report's question answered in ${answeredMs} ms, ${listed} links listed`);
  // The page's renderer, as the trace names it: the process of the frame at the page's address.
  const frames = trace.traceEvents.flatMap((e) => e.args?.data?.frames ?? []);
  const pagePid = frames.find((f) => f.url === BIG)?.processId;
  const renderers = trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  for (const main of renderers) {
    const tasks = trace.traceEvents
      .filter((e) => e.name === 'RunTask' && e.dur !== undefined && e.pid === main.pid && e.tid === main.tid)
      .map((e) => e.dur! / 1000)
      .sort((a, b) => b - a);
    if (tasks.length === 0) continue;
    const longest = tasks
      .slice(0, 5)
      .map((ms) => ms.toFixed(1))
      .join(', ');
    const whose = main.pid === pagePid ? 'the audited page' : `another renderer (${main.pid})`;
    console.log(`  ${whose}: ${tasks.length} tasks, the longest ${longest} ms`);
  }
} finally {
  await world.close();
}
