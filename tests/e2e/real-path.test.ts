/**
 * The path every user's check takes, in both browsers: names looked up by the browser's own resolver through
 * /etc/resolv.conf, in the sealed test network (tests/fixtures/sealed/), with no resolver flag, proxy or
 * --connect-to. The network conditions users meet, each against the built extension:
 *   - online: the extension and the command line agree link by link on every case of the simulated web;
 *   - slow names (answers after 1–5 s): the same verdicts as when names answer at once;
 *   - a public-looking name whose answer is a private address: not checked, and the page learns nothing else;
 *   - a resolver that denies every name, with the well-known names failing at different speeds each round, and a
 *     machine off the network: nothing is ever dead — not on the page, not in the popup's card, not in the audit.
 * Offline is never dead: a live organisation's site marked dead turns a person away from help.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkHealth } from '../../src/health/link-health.ts';
import { DEFAULT_ONLINE_HOSTS } from '../../src/health/connectivity.ts';
import { jsonLines, stillThere } from '../fixtures/sealed/cli.ts';
import { OFFLINE_LINKS, REFUSED_HOST } from '../fixtures/simweb/catalogue.ts';
import type { SimWeb } from '../fixtures/simweb/server.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled, visit, type Mark } from './harness.ts';
import { PAGE_HOST, PAGE_SCENARIOS, resourceList } from './pages.ts';

const GUIDE = `https://${PAGE_HOST}/guide.html`;
/** A page that answers from a private address once its name is "rebound" (the DNS answer changed to one). */
const REBOUND_HOST = 'www.support-near-you.org';

const offlinePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support groups</title></head><body>
<h1>Mutual-aid and self-help groups</h1><ul>${OFFLINE_LINKS.map((u, i) => `<li>Support group ${i + 1}: <a href="${u}">${new URL(u).hostname}</a></li>`).join('\n')}</ul></body></html>`;
const OFFLINE_GUIDE = `https://${PAGE_HOST}/offline.html`;

/** `still-there check --json` in the same world, through the same resolver. */
async function cliCheck(sim: SimWeb, urls: string[]): Promise<Map<string, { verdict: string; reason: string }>> {
  return jsonLines<{ url: string; verdict: string; reason: string }>(
    await stillThere(sim, ['check', '--json', '--ca', sim.caFile, '--timeout', '15000', ...urls], { exact: true }),
  );
}

/** Serves `html` for `url` from the test itself: the page a person had open when the network went (its checks are the browser's own). */
async function openHeld(session: Session, url: string, html: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url)
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void request.abort();
  });
  await page.goto(url);
  return page;
}

async function clearVerdicts(session: Session): Promise<void> {
  const extension = await session.extensionPage();
  await extension.evaluate(() =>
    ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({
      type: 'cacheClear',
      payload: {},
    }),
  );
}

async function storedVerdicts(session: Session): Promise<LinkHealth[]> {
  const extension = await session.extensionPage();
  const answer = await extension.evaluate(() =>
    ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({
      type: 'cacheExport',
      payload: {},
    }),
  );
  return (answer as { verdicts: LinkHealth[] }).verdicts;
}

/** The popup's card for DBSA, found by its former name: the case a build machine once called dead. */
async function dbsaCardState(session: Session): Promise<string> {
  const popup = await session.extensionPage('/popup.html');
  await popup.waitForSelector('#q');
  await popup.type('#q', 'ndmda');
  const badge = '#results > li[data-group-id="dbsa"] .badge[data-badge-for]';
  await popup.waitForFunction(
    (sel: string) => {
      const s = document.querySelector(sel)?.getAttribute('data-state');
      return s && s !== 'checking';
    },
    { timeout: 60_000, polling: 200 },
    badge,
  );
  const state = await popup.$eval(badge, (el) => el.getAttribute('data-state')!);
  await popup.close();
  return state;
}

const dead = (marks: Mark[]) =>
  marks.filter((m) => m.health === 'dead' || m.struck).map((m) => `${m.href} ${m.reason}`);

/** One round with no usable network: fresh verdicts for the held page's links, each unverified / offline; returns any dead. */
async function offlineRound(session: Session): Promise<string[]> {
  await clearVerdicts(session);
  const page = await openHeld(session, OFFLINE_GUIDE, offlinePage);
  await settled(page, 90_000);
  const marks = await readMarks(page);
  for (const m of marks) expect([m.health, m.reason], m.href).toEqual(['unverified', 'offline']);
  await page.close();
  return dead(marks);
}

describe.each(BROWSERS)("in %s, names through the browser's own resolver", (kind) => {
  describe('on a network where the web works', () => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(kind, {
        [PAGE_HOST]: { '/guide.html': resourceList() },
        [REBOUND_HOST]: { '/': '<!doctype html><title>Router</title><h1>Router administration</h1>' },
      });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('agrees with the command line on every case of the simulated web, link by link', async () => {
      const page = await session.browser.newPage();
      await visit(page, GUIDE);
      await settled(page, 90_000);
      const marks = new Map((await readMarks(page)).map((m) => [m.href, `${m.health}/${m.reason}`]));
      await page.close();
      const cli = await cliCheck(
        session.sim,
        PAGE_SCENARIOS.map((s) => s.url),
      );
      const disagreements = PAGE_SCENARIOS.map((s) => ({
        url: s.url,
        extension: marks.get(s.url),
        cli: `${cli.get(s.url)?.verdict}/${cli.get(s.url)?.reason}`,
      })).filter((d) => d.extension !== d.cli);
      expect(disagreements).toEqual([]);
      // Every host was asked of the world's DNS server: no test door was used.
      const asked = new Set(session.sim.world.dns.questions.map((q) => q.name));
      for (const s of PAGE_SCENARIOS) expect(asked, s.url).toContain(new URL(s.url).hostname);
    });

    it('gives the same verdicts when some names answer only after 1 to 5 seconds', async () => {
      await clearVerdicts(session);
      const slow = ['www.nami.org', 'dbsalliance.org', 'www.recovery-inc.org', 'www.ocfoundation.org', REFUSED_HOST];
      slow.forEach((h, i) => session.sim.world.dns.delays.set(h, 1_000 + i * 1_000));
      try {
        const page = await session.browser.newPage();
        await visit(page, GUIDE);
        await settled(page, 90_000);
        const marks = new Map((await readMarks(page)).map((m) => [m.href, `${m.health}/${m.reason}`]));
        await page.close();
        const wrong = PAGE_SCENARIOS.filter((s) => slow.includes(new URL(s.url).hostname))
          .map((s) => ({ url: s.url, want: `${s.expect.verdict}/${s.expect.reason}`, got: marks.get(s.url) }))
          .filter((r) => r.want !== r.got);
        expect(wrong).toEqual([]);
      } finally {
        session.sim.world.dns.delays.clear();
      }
    });

    it('does not check a public-looking name whose answer is a private address, and tells the page nothing else', async () => {
      const dns = session.sim.world.dns;
      // The name answers with loopback, where the simulation also listens and serves a page for it (200): a router or
      // intranet page in real life.
      dns.records.set(REBOUND_HOST, ['127.0.0.1']);
      const target = `http://${REBOUND_HOST}:${session.sim.port}/`;
      const page = await openHeld(
        session,
        `https://${PAGE_HOST}/rebinding.html`,
        `<!doctype html><title>Groups</title><ul><li>Support group near you: <a href="${target}">Support Near You</a></li></ul>`,
      );
      await settled(page, 60_000);
      const [mark] = await readMarks(page);
      expect([mark!.health, mark!.reason]).toEqual(['unverified', 'private-address']);
      expect(mark!.movedTo).toBeNull();
      await page.close();
      const cli = await cliCheck(session.sim, [target]);
      expect(cli.get(target)).toMatchObject({ verdict: 'unverified', reason: 'private-address' });
    });
  });

  describe('behind a resolver that denies every name', () => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(kind, {});
      session.sim.world.dns.denyAll = true;
    });
    afterAll(async () => {
      await session?.close();
    });

    it('calls nothing dead when the well-known names never answer at all (a look-up that times out proves nothing)', async () => {
      const dns = session.sim.world.dns;
      dns.delays.clear();
      for (const h of DEFAULT_ONLINE_HOSTS) dns.delays.set(h, Infinity);
      try {
        // First, in a fresh browser, the case a build machine once showed: DBSA, found by its former name, called
        // dead after 5 to 10 seconds.
        expect(await dbsaCardState(session)).not.toBe('dead');
        expect(await offlineRound(session)).toEqual([]);
      } finally {
        dns.delays.clear();
      }
    });

    it('calls nothing dead, ten rounds in a row, whichever well-known name fails first', async () => {
      const failures: string[] = [];
      for (let round = 0; round < 10; round++) {
        // Each round, the well-known names and the links' names fail in a different order and at different speeds.
        const dns = session.sim.world.dns;
        dns.delays.clear();
        [...DEFAULT_ONLINE_HOSTS, 'www.nami.org', 'www.recovery-inc.org', 'dbsalliance.org'].forEach((h, i) =>
          dns.delays.set(h, ((round * 7 + i * 3) % 10) * 150),
        );
        failures.push(...(await offlineRound(session)).map((d) => `round ${round}: ${d}`));
      }
      expect(failures).toEqual([]);
    });

    it("never shows DBSA's site as dead in the popup, nor any link as dead in the audit page", async () => {
      await clearVerdicts(session);
      expect(await dbsaCardState(session)).not.toBe('dead');
      const page = await openHeld(session, OFFLINE_GUIDE, offlinePage);
      await settled(page, 90_000);
      const extension = await session.extensionPage();
      const tabId = await extension.evaluate(
        async (url: string) =>
          (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.query({ url }))[0]!
            .id!,
        OFFLINE_GUIDE,
      );
      const audit = await session.extensionPage(`/audit.html?tab=${tabId}`);
      await audit.waitForFunction(
        (n: number) =>
          document.querySelectorAll('#links tbody tr[data-status]:not([data-status="checking"])').length >= n,
        { timeout: 60_000, polling: 200 },
        OFFLINE_LINKS.length,
      );
      const verdicts = await audit.$$eval('#links tbody tr[data-status]', (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.status),
      );
      expect(verdicts.filter((v) => v === 'dead')).toEqual([]);
      await audit.close();
      await page.close();
      expect((await storedVerdicts(session)).filter((v) => v.verdict === 'dead').map((v) => v.url)).toEqual([]);
    });
  });

  describe('off the network (no interface but loopback)', () => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession(kind, {}, {}, { condition: 'offline' });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('calls nothing dead, ten rounds in a row', async () => {
      const failures: string[] = [];
      for (let round = 0; round < 10; round++) {
        failures.push(...(await offlineRound(session)).map((d) => `round ${round}: ${d}`));
      }
      expect(failures).toEqual([]);
      expect(await dbsaCardState(session)).not.toBe('dead');
    });
  });
});
