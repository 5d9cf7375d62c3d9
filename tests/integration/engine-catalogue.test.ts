/**
 * The engine, unchanged, against the simulated web: every scenario in the catalogue (alive, moved, dead and
 * unverified look-alikes of the mutual-aid world) over real HTTP and HTTPS on loopback, with real-looking names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, DEFAULT_SETTINGS, type NodeEngine } from '../../src/cli/engine.ts';
import { newHomeFor } from '../../src/directory/lookup.ts';
import type { LinkReport } from '../../src/health/verdict.ts';
import { ONLINE_HOSTS, SCENARIOS, U } from '../fixtures/simweb/catalogue.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';
import { HUGE_PAGE_BYTES } from '../fixtures/simweb/sites.ts';

let sim: SimWeb;
let engine: NodeEngine;
const reports = new Map<string, LinkReport>();

beforeAll(async () => {
  sim = await startSimWeb();
  engine = createNodeEngine({
    ...DEFAULT_SETTINGS,
    timeoutMs: 3_000,
    connectTo: sim.connectTo(),
    onlineHosts: ONLINE_HOSTS,
    caFiles: [sim.caFile],
    newHomeFor,
  });
  const results = await Promise.all(SCENARIOS.map((s) => engine.checker.check(s.url)));
  SCENARIOS.forEach((s, i) => reports.set(s.url, results[i]!));
}, 90_000);

afterAll(async () => {
  engine?.close();
  await sim?.close();
});

describe('every scenario of the simulated web', () => {
  it.each(SCENARIOS.map((s) => [s.plays, s] as const))('%s', (_plays, s) => {
    const r = reports.get(s.url)!;
    expect({ verdict: r.verdict, reason: r.reason }, r.detail).toEqual({ verdict: s.expect.verdict, reason: s.expect.reason });
    if (s.expect.archiveTimestamp !== undefined) expect(r.archive?.timestamp ?? null).toBe(s.expect.archiveTimestamp);
    if (s.expect.newHome !== undefined) expect(r.newHome).toBe(s.expect.newHome);
    if (r.archive) expect(r.archive.url).toBe(`https://web.archive.org/web/${r.archive.timestamp}/${r.url}`);
  });
});

describe('how the checks behaved on the wire', () => {
  it('never had more than 2 requests in flight to one host', () => {
    expect(sim.maxInFlightByHost()).toBeLessThanOrEqual(2);
  });

  it('sent no cookies and no referrer', () => {
    expect(sim.requests.length).toBeGreaterThan(SCENARIOS.length);
    expect(sim.requests.filter((r) => r.cookie || r.referer)).toEqual([]);
  });

  it('read only the start of a 20 MiB page', () => {
    const host = new URL(U.hugePage).hostname;
    expect(sim.bytesSentByHost(host)).toBeLessThan(HUGE_PAGE_BYTES / 10);
  });

  it('spread the dead links over the verdict kinds the issue names', () => {
    const deadReasons = new Set([...reports.values()].filter((r) => r.verdict === 'dead').map((r) => r.reason));
    for (const reason of ['not-found', 'gone', 'no-such-domain', 'soft-404', 'parked', 'redirect-loop']) expect(deadReasons).toContain(reason);
  });
});

describe('offline is never dead', () => {
  it('a machine whose resolver knows no name calls nothing dead and records nothing', async () => {
    // Only an unused name is mapped: every look-up, the well-known hosts included, answers "no such name".
    const offline = createNodeEngine({ ...DEFAULT_SETTINGS, timeoutMs: 2_000, connectTo: ['unused.invalid:443:127.0.0.1:9'], onlineHosts: ['web.archive.org', 'www.wikipedia.org'] });
    try {
      const results = await Promise.all([U.noSuchDomain, U.bigBookChapter, 'https://www.nami.org/'].map((u) => offline.checker.check(u)));
      for (const r of results) {
        expect([r.verdict, r.reason]).toEqual(['unverified', 'offline']);
        expect(r.history).toEqual([]);
      }
    } finally {
      offline.close();
    }
  });
});
