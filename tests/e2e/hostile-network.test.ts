/**
 * A hostile page cannot use the extension, in both browsers, names through their own resolvers in the sealed
 * network:
 *   - as a scanner of the user's own machine and network: a link that redirects to 127.0.0.1, a public-looking name
 *     that resolves to 127.0.0.1 (rebinding), a one-word intranet host — each is "unverified / private-address",
 *     and the page learns nothing else (no status, no new address, no timing of an answer);
 *   - as a flood: 100,000 distinct resource-looking links queue no more than a site's share of checks, and the
 *     checks stop when the tab closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_SITE_PER_HOUR } from '../../src/background/check-budget.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled } from './harness.ts';

const HOST = 'www.hostile-resources.org';
const REDIRECTING = 'https://www.redirects-inward.org/groups';
const REBOUND = 'www.support-near-you.org';
const ROUTER_PAGE = '<!doctype html><title>Router</title><h1>Router administration</h1><p>Firmware 1.2.3</p>';

interface CacheStats {
  records: number;
  queued: number;
}

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  let probes: { redirect: string; rebound: string; oneWord: string };
  /** Filled in once the simulation has its port: it reads both at request time. */
  const ourPages: Record<string, string> = { '/flood.html': floodPage() };
  const redirects: Record<string, string> = { [REDIRECTING]: '' };

  beforeAll(async () => {
    // The simulation also listens on 127.0.0.1 (its test doors' port): there it plays the user's router.
    session = await startSession(
      kind,
      {
        [HOST]: ourPages,
        '127.0.0.1': { '/admin': ROUTER_PAGE },
        [REBOUND]: { '/': ROUTER_PAGE },
        intranet: { '/admin': ROUTER_PAGE },
      },
      { redirects },
    );
    const port = session.sim.port;
    redirects[REDIRECTING] = `http://127.0.0.1:${port}/admin`;
    probes = { redirect: REDIRECTING, rebound: `http://${REBOUND}:${port}/`, oneWord: `http://intranet:${port}/admin` };
    // Public-looking names answered with loopback (rebinding), and a one-word intranet name.
    session.sim.world.dns.records.set(REBOUND, ['127.0.0.1']);
    session.sim.world.dns.records.set('intranet', ['127.0.0.1']);
  });
  afterAll(async () => {
    await session?.close();
  });

  it("tells a page nothing about addresses inside the user's own network", async () => {
    ourPages['/probe.html'] = `<!doctype html><title>Groups</title><ul>
<li>Support group (moved): <a href="${probes.redirect}">meetings</a></li>
<li>Support group near you: <a href="${probes.rebound}">support near you</a></li>
<li>Support group on the intranet: <a href="${probes.oneWord}">intranet support group</a></li></ul>`;
    const page = await session.browser.newPage();
    session.sim.reset();
    await page.goto(`https://${HOST}/probe.html`);
    await settled(page, 60_000);
    const marks = await readMarks(page);
    for (const m of marks) {
      expect([m.href, m.health, m.reason], m.href).toEqual([m.href, 'unverified', 'private-address']);
      expect(m.movedTo, m.href).toBeNull();
      expect(m.description ?? '', m.href).not.toMatch(/127\.0\.0\.1|200|Router|404/);
    }
    // The one-word host was never asked at all; nothing reached the router's pages but what a browser cannot avoid.
    expect(session.sim.requests.filter((r) => r.host === 'intranet')).toEqual([]);
    await page.close();
  });

  it("queues no more than a site's share for a page of 100,000 resource-looking links, and stops when its tab closes", async () => {
    const options = await session.extensionPage();
    const stats = () =>
      options.evaluate(() =>
        ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({
          type: 'cacheStats',
          payload: {},
        }),
      ) as Promise<CacheStats>;
    const before = await stats();
    const page = await session.browser.newPage();
    await page.goto(`https://${HOST}/flood.html`);
    await page.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length > 0, {
      timeout: 120_000,
      polling: 500,
    });
    const during = await stats();
    expect(during.queued).toBeLessThanOrEqual(PER_SITE_PER_HOUR);
    // Links beyond the share are left as the page wrote them, not "checking" for ever.
    const checking = await page.$$eval('a[data-link-health="checking"]', (a) => a.length);
    expect(checking).toBeLessThanOrEqual(PER_SITE_PER_HOUR);
    await page.close();
    await options.waitForFunction(
      async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return ((await api.runtime.sendMessage({ type: 'cacheStats', payload: {} })) as CacheStats).queued === 0;
      },
      { timeout: 30_000, polling: 250 },
    );
    const closed = await stats();
    await new Promise((r) => setTimeout(r, 3_000));
    const later = await stats();
    // Checks under way when the tab closed may finish (at most the 16 checked at once); nothing more starts.
    expect(later.records - closed.records).toBeLessThanOrEqual(16);
    expect(later.records - before.records).toBeLessThanOrEqual(PER_SITE_PER_HOUR + 16);
  });
});

function floodPage(): string {
  const links: string[] = [];
  for (let i = 0; i < 100_000; i++)
    links.push(`<li><a href="https://www.support-${i}.org/meetings">Support group ${i}</a></li>`);
  return `<!doctype html><title>Flood</title><ul>${links.join('')}</ul>`;
}
