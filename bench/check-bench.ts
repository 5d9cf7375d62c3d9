/**
 * Benchmark (prints figures, never passes or fails): 1,000 links on 200 simulated sites, each answer delayed
 * 100 ms, checked by `still-there check` and by `linkinator` with its defaults, side by side in one run. Both run
 * as a user runs them — a command in the sealed test network, every name looked up by the system resolver (the
 * network's DNS server), the simulation's CA trusted the way an organisation trusts its own (--ca for ours,
 * NODE_EXTRA_CA_CERTS for linkinator). Prints wall time, links per second, the requests that reached the
 * simulated sites, and the most requests any one site saw at once.
 *   npm run bench            (or: scripts/sealed-network.sh node bench/check-bench.ts [--hosts 200] [--per-host 5] [--delay 100])
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startSimWeb } from '../tests/fixtures/simweb/server.ts';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '200' },
    'per-host': { type: 'string', default: '5' },
    delay: { type: 'string', default: '100' },
  },
});
const hosts = Number(values.hosts);
const perHost = Number(values['per-host']);
const delayMs = Number(values.delay);

/** linkinator checks the links of a page: this one lists the same addresses ours reads from standard input. */
const INDEX_HOST = 'www.bench-links.org';
const index: Record<string, string> = {};
const web = await startSimWeb({
  bulkHosts: { count: hosts, linksPerHost: perHost, delayMs },
  pages: { [INDEX_HOST]: index },
});
const urls = web.bulkUrls();
// Filled in once the simulation has named its hosts; it serves the page from this object.
index['/'] = `<!doctype html><title>bench</title>${urls.map((u) => `<a href="${u}">${u}</a>`).join('\n')}`;

interface Figures {
  name: string;
  seconds: number;
  linksPerSecond: number;
  peakPerHost: number;
  requests: number;
  ok: number;
}

function run(argv: string[], stdin: string, env: Record<string, string> = {}): Promise<string> {
  const [command, ...args] = web.world.command(argv);
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, {
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.end(stdin);
  });
}

async function measure(name: string, check: () => Promise<number>): Promise<Figures> {
  web.reset();
  const t0 = performance.now();
  const ok = await check();
  const seconds = (performance.now() - t0) / 1000;
  const requests = web.requests.filter((r) => r.host !== INDEX_HOST).length;
  return { name, seconds, linksPerSecond: urls.length / seconds, peakPerHost: web.maxInFlightByHost(), requests, ok };
}

// still-there: the command line with its defaults (the archive is never asked: nothing is dead).
const ours = await measure('still-there', async () => {
  const out = await run(
    [process.execPath, 'bin/still-there.js', 'check', '--json', '--ca', web.caFile],
    urls.join('\n'),
  );
  return out
    .trim()
    .split('\n')
    .filter((l) => l && JSON.parse(l).verdict === 'alive').length;
});

// linkinator: its command line and defaults, checking the page that links to the same 1,000 addresses.
const indexUrl = `https://${INDEX_HOST}/`;
const theirs = await measure('linkinator', async () => {
  const out = await run(
    [process.execPath, 'node_modules/linkinator/build/src/cli.js', indexUrl, '--format', 'json'],
    '',
    { NODE_EXTRA_CA_CERTS: web.caFile },
  );
  const links = (JSON.parse(out) as { links: Array<{ url: string; state: string }> }).links;
  return links.filter((l) => l.url !== indexUrl && l.state === 'OK').length;
});
const asked = new Set(web.world.dns.questions.map((q) => q.name));
await web.close();

const rows = [ours, theirs].map((f) => [
  f.name,
  `${f.seconds.toFixed(2)} s`,
  `${f.linksPerSecond.toFixed(0)} links/s`,
  `${f.peakPerHost} at once`,
  `${f.requests} requests`,
  `${f.ok}/${urls.length} ok`,
]);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(
  `${urls.length} links on ${hosts} sites, every answer after ${delayMs} ms, names through the system resolver (${asked.size} names asked; Node ${process.versions.node})`,
);
for (const r of rows) console.log(`  ${r.map((c, i) => c.padEnd(widths[i]!)).join('   ')}`);
console.log(
  `  ratio: still-there takes ${(ours.seconds / theirs.seconds).toFixed(2)}× linkinator's time, with at most ${ours.peakPerHost} requests per site at once (linkinator: ${theirs.peakPerHost})`,
);
