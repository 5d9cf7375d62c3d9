/**
 * The command line on the path every user's check takes: names looked up by the system resolver (getaddrinfo,
 * /etc/resolv.conf) in the sealed test network, with no --connect-to, in the network conditions users meet:
 *   - online, where a name may have several addresses and the first may refuse (Node asks for all of them);
 *   - slow names, answered after 1 to 5 seconds: the same verdicts as when they answer at once;
 *   - a public-looking name whose answer is, or includes, a private address: never fetched;
 *   - a resolver that denies every name, and a machine off the network: nothing is ever dead, ten runs in a row.
 * The extension's side of the same conditions is tests/e2e/real-path.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ONLINE_HOSTS } from '../../src/health/connectivity.ts';
import { jsonLines, stillThere } from '../fixtures/sealed/cli.ts';
import { OFFLINE_LINKS, REFUSED_HOST, U } from '../fixtures/simweb/catalogue.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

interface Line {
  url: string;
  verdict: string;
  reason: string;
  status: number | null;
}

let sim: SimWeb;
beforeAll(async () => {
  sim = await startSimWeb({
    pages: {
      'www.support-near-you.org': { '/': '<!doctype html><title>Router</title><h1>Router administration</h1>' },
    },
  });
});
afterAll(async () => {
  await sim?.close();
});

const verdicts = (lines: Map<string, Line>) => new Map([...lines].map(([url, l]) => [url, `${l.verdict}/${l.reason}`]));
const deadOnes = (lines: Map<string, Line>) =>
  [...lines.values()].filter((l) => l.verdict === 'dead').map((l) => `${l.url} ${l.reason}`);

describe('online', () => {
  it('checks an address read from standard input (a look-up that answers Node with every address)', async () => {
    const run = await stillThere(sim, ['check', '--json'], { stdin: 'https://www.aa.org/find-aa\n' });
    expect(jsonLines<Line>(run).get('https://www.aa.org/find-aa')).toMatchObject({
      verdict: 'alive',
      reason: 'ok',
      status: 200,
    });
    expect(sim.world.dns.questions.some((q) => q.name === 'www.aa.org')).toBe(true);
  });

  it('reaches a site whose first address refuses and whose second answers, as a browser does', async () => {
    sim.world.dns.records.set('www.nami.org', [sim.world.refusedAddress, sim.world.webAddress]);
    try {
      const run = await stillThere(sim, ['check', '--json', 'https://www.nami.org/']);
      expect(jsonLines<Line>(run).get('https://www.nami.org/')).toMatchObject({ verdict: 'alive', reason: 'ok' });
    } finally {
      sim.world.dns.records.set('www.nami.org', [sim.world.webAddress]);
    }
  });
});

describe('slow names', () => {
  it('gives the same verdicts when names answer after 1 to 5 seconds as when they answer at once', async () => {
    // One of each kind: alive, moved, dead by status, soft 404, parked, lapsed, unverified. A request's timeout
    // includes its look-up, as for any user, so it is set well above the slowest name.
    const urls = [
      'https://www.nami.org/',
      U.movedOcf,
      U.bigBookChapter,
      U.mhaPageNotFound,
      U.jacsParked,
      U.noSuchDomain,
      'https://www.psychologytoday.com/us/groups/new-jersey',
    ];
    const check = async () =>
      verdicts(
        jsonLines<Line>(
          await stillThere(sim, ['check', '--json', '--timeout', '15000', ...urls], {
            exact: true,
            extraArgs: ['--ca', sim.caFile],
          }),
        ),
      );
    const atOnce = await check();
    const hosts = [...new Set(urls.map((u) => new URL(u).hostname))];
    hosts.forEach((h, i) => sim.world.dns.delays.set(h, 1_000 + (i % 5) * 900));
    try {
      const slowly = await check();
      expect(slowly).toEqual(atOnce);
    } finally {
      sim.world.dns.delays.clear();
    }
  });
});

describe('a name whose answer is a private address', () => {
  it.each([
    ['loopback', ['127.0.0.1']],
    ['a public address beside a private one', ['23.192.0.1', '10.0.0.8']],
    ['IPv6 loopback', ['::1']],
  ])('%s: not fetched, unverified / private-address', async (_case, addresses) => {
    sim.world.dns.records.set('www.support-near-you.org', addresses);
    sim.reset();
    const url = `http://www.support-near-you.org:${sim.port}/`;
    const run = await stillThere(sim, ['check', '--json', url]);
    expect(jsonLines<Line>(run).get(url)).toMatchObject({
      verdict: 'unverified',
      reason: 'private-address',
      status: null,
    });
    expect(sim.requests.filter((r) => r.host === 'www.support-near-you.org')).toEqual([]);
  });
});

describe('offline is never dead', () => {
  it('behind a resolver that denies every name: nothing dead, ten runs in a row, the well-known names failing in a new order each time', async () => {
    const dns = sim.world.dns;
    dns.denyAll = true;
    const failures: string[] = [];
    try {
      for (let run = 0; run < 10; run++) {
        dns.delays.clear();
        // Run 0: the well-known names never answer at all (a look-up that times out proves nothing).
        [...DEFAULT_ONLINE_HOSTS, 'www.nami.org', 'www.recovery-inc.org', REFUSED_HOST].forEach((h, i) =>
          dns.delays.set(h, run === 0 && i < 3 ? Infinity : ((run * 7 + i * 3) % 10) * 150),
        );
        const result = await stillThere(sim, ['check', '--json', ...OFFLINE_LINKS]);
        const lines = jsonLines<Line>(result);
        failures.push(...deadOnes(lines).map((d) => `run ${run}: ${d}`));
        // Nothing judged: exit 3 (offline) and a banner, neither "all is well" (0) nor "dead" (1).
        expect(result.code, result.stderr).toBe(3);
        expect(result.stderr).toMatch(/appears to be offline: no link could be judged/);
        for (const url of OFFLINE_LINKS)
          expect(`${lines.get(url)?.verdict}/${lines.get(url)?.reason}`, url).toBe('unverified/offline');
      }
    } finally {
      dns.denyAll = false;
      dns.delays.clear();
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('off the network (no interface but loopback): nothing dead, ten runs in a row', async () => {
    const failures: string[] = [];
    for (let run = 0; run < 10; run++) {
      const result = await stillThere(sim, ['check', '--json', ...OFFLINE_LINKS], { condition: 'offline' });
      const lines = jsonLines<Line>(result);
      failures.push(...deadOnes(lines).map((d) => `run ${run}: ${d}`));
      // Nothing judged: exit 3 (offline) and a banner, neither "all is well" (0) nor "dead" (1).
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toMatch(/appears to be offline: no link could be judged/);
      for (const url of OFFLINE_LINKS)
        expect(`${lines.get(url)?.verdict}/${lines.get(url)?.reason}`, url).toBe('unverified/offline');
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('and a lapsed domain is dead once the well-known names do resolve', async () => {
    const lines = jsonLines<Line>(await stillThere(sim, ['check', '--json', U.noSuchDomain]));
    expect(lines.get(U.noSuchDomain)).toMatchObject({ verdict: 'dead', reason: 'no-such-domain' });
  });
});
