/**
 * Benchmark (prints figures, never passes or fails): 1,000 links on 200 simulated sites, each answer delayed
 * 100 ms, checked by still-there's engine and by linkinator with its defaults, side by side in one run.
 * Prints wall time, links per second, and the most requests any one site saw at once.
 *   npm run bench            (or: node bench/check-bench.ts [--hosts 200] [--per-host 5] [--delay 100])
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { Agent, buildConnector, setGlobalDispatcher } from 'undici';
import { LinkChecker } from 'linkinator';
import { createNodeEngine, DEFAULT_SETTINGS } from '../src/cli/engine.ts';
import { startSimWeb } from '../tests/fixtures/simweb/server.ts';

const { values } = parseArgs({ options: { hosts: { type: 'string', default: '200' }, 'per-host': { type: 'string', default: '5' }, delay: { type: 'string', default: '100' } } });
const hosts = Number(values.hosts);
const perHost = Number(values['per-host']);
const delayMs = Number(values.delay);

const sim = await startSimWeb({ bulkHosts: { count: hosts, linksPerHost: perHost, delayMs } });
const urls = sim.bulkUrls();

interface Figures {
  name: string;
  seconds: number;
  linksPerSecond: number;
  peakPerHost: number;
  requests: number;
  ok: number;
}

async function measure(name: string, run: () => Promise<number>): Promise<Figures> {
  sim.reset();
  const t0 = performance.now();
  const ok = await run();
  const seconds = (performance.now() - t0) / 1000;
  return { name, seconds, linksPerSecond: urls.length / seconds, peakPerHost: sim.maxInFlightByHost(), requests: sim.requests.length, ok };
}

// still-there: the CLI's engine, unchanged, with its defaults (the archive is never asked: nothing is dead).
const ours = await measure('still-there', async () => {
  const engine = createNodeEngine({ ...DEFAULT_SETTINGS, connectTo: sim.connectTo(), onlineHosts: ['web.archive.org'], caFiles: [sim.caFile] });
  try {
    const reports = await Promise.all(urls.map((u) => engine.checker.check(u)));
    return reports.filter((r) => r.verdict === 'alive').length;
  } finally {
    engine.close();
  }
});

// linkinator: its defaults, checking a local page that links to the same 1,000 addresses. Its fetch (undici)
// reaches the simulated sites through a connector that sends every name to the simulation and trusts its CA.
const connector = buildConnector({ ca: sim.caPem });
setGlobalDispatcher(
  new Agent({
    connect: (opts, callback) =>
      opts.hostname === '127.0.0.1'
        ? connector(opts, callback) // the index page itself
        : connector({ ...opts, hostname: '127.0.0.1', host: `127.0.0.1:${sim.port}`, port: String(sim.port), servername: opts.hostname }, callback),
  }),
);
const index = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(`<!doctype html><title>bench</title>${urls.map((u) => `<a href="${u}">${u}</a>`).join('\n')}`);
});
await new Promise<void>((r) => index.listen(0, '127.0.0.1', r));
const indexUrl = `http://127.0.0.1:${(index.address() as { port: number }).port}/`;
const theirs = await measure('linkinator', async () => {
  const result = await new LinkChecker().check({ path: indexUrl });
  return result.links.filter((l) => l.url !== indexUrl && l.state === 'OK').length;
});
index.close();
await sim.close();

const rows = [ours, theirs].map((f) => [f.name, `${f.seconds.toFixed(2)} s`, `${f.linksPerSecond.toFixed(0)} links/s`, `${f.peakPerHost} at once`, `${f.requests} requests`, `${f.ok}/${urls.length} ok`]);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`${urls.length} links on ${hosts} sites, every answer after ${delayMs} ms (Node ${process.versions.node})`);
for (const r of rows) console.log(`  ${r.map((c, i) => c.padEnd(widths[i]!)).join('   ')}`);
console.log(`  ratio: still-there takes ${(ours.seconds / theirs.seconds).toFixed(2)}× linkinator's time, with at most ${ours.peakPerHost} requests per site at once (linkinator: ${theirs.peakPerHost})`);
