/**
 * What Chromium charges the page for sending to the background, by size: the reason the ordinary page costs more than
 * 1.5x its reading floor (issue 24). On the budgets' ordinary 2,000-link page, from the extension's own isolated world
 * (found over CDP), each payload is sent with runtime.sendMessage and only the synchronous part is timed, the part the
 * page waits for. Medians over every round; the payloads alternate so that the machine's load falls on all alike.
 * Prints figures, never passes or fails.
 *   npx wxt build && scripts/sealed-network.sh node bench/message-cost.ts [--rounds 15]
 * Also timed: the same reading as one JSON string (what Chromium makes of it before it copies it); made into a
 * Blob, the one other way found for the page to hand the background its reading (a blob: address the background can
 * fetch): the Blob alone costs more than the send; and the hrefs read and sent whole against read, shortened (a site
 * number in place of each "https://host") and sent: the shortening costs more than the bytes it saves.
 */
import { parseArgs } from 'node:util';
import { ordinaryPage } from '../tests/e2e/pages.ts';
import { open, startWorld } from '../tests/e2e/setup.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } });
const HOST = 'www.budget-tests.org';
const world = await startWorld({ [HOST]: { '/ordinary.html': ordinaryPage() } });
try {
  const page = await open(world, `https://${HOST}/ordinary.html`);
  await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
    timeout: 60_000,
    polling: 50,
  });
  const cdp = await page.createCDPSession();
  const worlds: { id: number; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context));
  await cdp.send('Runtime.enable');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const ours = worlds.find((w) => w.name === 'still-there');
  if (!ours) throw new Error("no isolated world of still-there's in the page");
  // Runs in the page, in our isolated world: it may use nothing of this module's scope.
  const expression = `(async (rounds) => {
    const links = document.links;
    const hrefs = [];
    for (let i = 0; i < links.length; i++) hrefs.push(links[i].getAttribute('href') ?? '');
    const text = document.body.textContent ?? '';
    const reading = { text, labels: '', hrefs };
    const letters = (n) => 'a'.repeat(n);
    const sizes = { '50 kB of letters': letters(50_000), '100 kB of letters': letters(100_000), '200 kB of letters': letters(200_000) };
    const send = (payload) => () => chrome.runtime.sendMessage({ type: 'bench', payload }).catch(() => undefined);
    const cases = {
      'a tiny message': send({}),
      ...Object.fromEntries(Object.entries(sizes).map(([name, s]) => [name, send(s)])),
      ['the page text (' + Math.round(text.length / 1000) + ' kB)']: send({ text, labels: '', hrefs: [] }),
      ['the hrefs (' + Math.round(hrefs.join('').length / 1000) + ' kB)']: send({ text: '', labels: '', hrefs }),
      'the whole reading, as the first look sends it': send(reading),
      // Read afresh each time, as the first look does, whole or shortened: each href's "https://host" replaced by the
      // number of its site, the sites sent once (fewer bytes to send, more work in the page).
      'the hrefs read and sent whole': () => {
        const read = new Array(links.length);
        for (let i = 0; i < links.length; i++) read[i] = links[i].getAttribute('href') ?? '';
        return send({ text, labels: '', hrefs: read })();
      },
      'the hrefs read, shortened to a site number, and sent': () => {
        const read = new Array(links.length);
        const sites = new Map();
        for (let i = 0; i < links.length; i++) {
          const href = links[i].getAttribute('href') ?? '';
          const slash = href.startsWith('https://') ? href.indexOf('/', 8) : href.startsWith('http://') ? href.indexOf('/', 7) : -1;
          if (slash < 0) {
            read[i] = href;
            continue;
          }
          const site = href.slice(0, slash);
          let number = sites.get(site);
          if (number === undefined) sites.set(site, (number = sites.size));
          read[i] = number + href.slice(slash);
        }
        return send({ text, labels: '', hrefs: read, sites: [...sites.keys()] })();
      },
      'JSON.stringify of the reading, not sent': () => JSON.stringify(reading),
      'a Blob of the reading, not sent': () => new Blob([JSON.stringify(reading)]),
    };
    const times = {};
    for (let round = 0; round < rounds; round++)
      for (const [name, run] of Object.entries(cases)) {
        const began = performance.now();
        run();
        (times[name] ??= []).push(performance.now() - began);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    return Object.entries(times).map(([name, xs]) => [name, median(xs)]);
  })(${Number(values.rounds)})`;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: ours.id,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  console.log(`Chromium, the ordinary 2,000-link page, medians of ${values.rounds} (ms, the page's own wait):`);
  for (const [name, ms] of result.value as [string, number][]) console.log(`  ${ms.toFixed(2).padStart(6)}  ${name}`);
} finally {
  await world.close();
}
