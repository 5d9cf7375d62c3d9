/**
 * An organisation's IT deploys still-there by policy, in Chromium (/etc/chromium/policies/managed/*.json) and in
 * Firefox ESR (policies.json's "3rdparty" section), each a file mounted for the test's browser alone in the sealed
 * test network: the verdict feed with the public key its editor signs it with pinned beside its address, the mode, a
 * site where still-there stays off (an EHR) and no archive suggestions. The options page shows those settings locked;
 * the pages follow them: the signed feed marks at once, and this browser checks the links itself all the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed, renderFeed } from '../../src/feed/feed.ts';
import { makeKeyPair, readKeyFile } from '../../src/feed/signature.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';
import {
  BROWSERS,
  firefoxDistributionFolder,
  firefoxPath,
  startSession,
  type BrowserKind,
  type Session,
} from './browsers.ts';
import { CHROMIUM_POLICY_FOLDER, readMarks, settled, visit } from './harness.ts';

const FEED_HOST = 'feeds.county-clinic.org';
const FEED_URL = `https://${FEED_HOST}/verdicts.json`;
const GUIDE_HOST = 'www.county-guide.org';
const EHR_HOST = 'ehr.county-clinic.org';
const PUBLISHER = 'County Clinic IT';
const DEAD = 'http://www.ocfoundation.org/EO_Hoarding.aspx';
const ALIVE = 'https://www.nami.org/';
/** The editor's key: the feed is signed with it, and the policy pins its public half beside the feed's address. */
const KEY = await makeKeyPair();
const POLICY = {
  feeds: [`${FEED_URL} ${KEY.publicKey}`],
  mode: 'resources',
  offSites: [EHR_HOST],
  archiveSuggestions: false,
};

const guide = `<!doctype html><html lang="en"><title>Support groups</title><h1>Support groups</h1><ul>
<li>Hoarding: <a href="${DEAD}">OC Foundation, hoarding</a></li>
<li>Family support: <a href="${ALIVE}">NAMI</a></li></ul></html>`;

async function feedText(): Promise<string> {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const base = { detail: '', redirects: 0, checkedAt: at, firstFailedAt: null };
  const dead: LinkHealth = {
    ...base,
    url: DEAD,
    verdict: 'dead',
    reason: 'not-found',
    status: 404,
    finalUrl: 'https://iocdf.org/EO_Hoarding.aspx',
    newHome: 'https://iocdf.org/',
    archive: { url: `https://web.archive.org/web/20100612031514/${DEAD}`, timestamp: '20100612031514' },
    history: [{ at, outcome: 'dead', reason: 'not-found' }],
    firstFailedAt: at,
    lastAliveAt: null,
  };
  const alive: LinkHealth = {
    ...base,
    url: ALIVE,
    verdict: 'alive',
    reason: 'ok',
    status: 200,
    finalUrl: ALIVE,
    newHome: null,
    archive: null,
    history: [{ at, outcome: 'ok', reason: 'ok' }],
    lastAliveAt: at,
  };
  return (await readKeyFile(KEY.keyFile)).sign(
    renderFeed(
      buildFeed({
        publisher: PUBLISHER,
        site: 'https://intranet.county-clinic.org/resources/',
        generatedAt: at,
        checks: [
          [DEAD, dead],
          [ALIVE, alive],
        ],
      }),
    ),
  );
}

/** The machine's own policy folder for a browser: every file in it, with its text. */
function machinePolicyFolder(kind: BrowserKind): Record<string, string> {
  const folder = kind === 'firefox' ? firefoxDistributionFolder(firefoxPath()!) : CHROMIUM_POLICY_FOLDER;
  if (!existsSync(folder)) return {};
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  );
}

describe.each(BROWSERS)('in %s, deployed by policy', (kind) => {
  let session: Session;
  let options: Page;
  let machineFolderBefore: Record<string, string>;

  beforeAll(async () => {
    machineFolderBefore = machinePolicyFolder(kind);
    session = await startSession(
      kind,
      {
        [FEED_HOST]: { '/verdicts.json': await feedText() },
        [GUIDE_HOST]: { '/guide.html': guide },
        [EHR_HOST]: { '/patient.html': guide },
      },
      {},
      { policy: POLICY },
    );
    options = await session.extensionPage();
    // The policy's feed is fetched when the background starts: the options page says so once it is in.
    await options
      .waitForFunction(
        (p: string) => document.querySelector('#feed-status li')?.textContent?.includes(`${p}: 2 links`),
        { timeout: 30_000, polling: 200 },
        PUBLISHER,
      )
      .catch(async (err: Error) => {
        const managed = await options.evaluate(async () =>
          JSON.stringify(
            await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.managed.get(null),
          ),
        );
        throw new Error(
          `${err.message}; the policy as the extension reads it: ${managed}; the feeds: ${await options.$eval('#feed-status', (m) => m.textContent)}`,
        );
      });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('the options page shows what the policy sets, locked, and says why', async () => {
    const shown = await options.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('#settings')!;
      const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
      return {
        note: !document.querySelector<HTMLElement>('#locked-note')!.hidden,
        feeds: [control('feeds').value, control('feeds').disabled],
        offSites: [control('offSites').value, control('offSites').disabled],
        archive: [(control('archiveSuggestions') as HTMLInputElement).checked, control('archiveSuggestions').disabled],
        modeLocked: [...form.querySelectorAll<HTMLInputElement>('input[name="mode"]')].every((r) => r.disabled),
        // What the policy leaves alone stays the user's to change.
        unverifiedFree: !(control('showUnverified') as HTMLInputElement).disabled,
        locks: [...document.querySelectorAll('.lock')].length,
      };
    });
    expect(shown).toEqual({
      note: true,
      feeds: [`${FEED_URL} ${KEY.publicKey}`, true],
      offSites: [EHR_HOST, true],
      archive: [false, true],
      modeLocked: true,
      unverifiedFree: true,
      locks: 4,
    });
  });

  it("marks a page at once from the policy's signed feed, offers no archived copy, and checks the links itself all the same", async () => {
    session.sim.reset();
    const page = await session.browser.newPage();
    await visit(page, `https://${GUIDE_HOST}/guide.html`);
    await page.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length > 0, {
      timeout: 30_000,
      polling: 50,
    });
    const marks = new Map((await readMarks(page)).map((m) => [m.href, m]));
    expect(marks.get(DEAD)).toMatchObject({ health: 'dead', struck: true, archive: null });
    expect(marks.get(DEAD)!.description).toContain(`checked by ${PUBLISHER} on `);
    expect(marks.get(ALIVE)!.health).toBe('alive');
    // This browser's own checks run on their schedule whatever the feed says: both links' hosts are asked.
    const hosts = [new URL(DEAD).hostname, new URL(ALIVE).hostname];
    const asked = () => new Set(session.sim.requests.map((r) => r.host));
    for (let tries = 0; tries < 300 && !hosts.every((h) => asked().has(h)); tries++)
      await new Promise((r) => setTimeout(r, 100));
    expect(hosts.filter((h) => !asked().has(h))).toEqual([]);
    // No archived copy offered, by policy: the archive is never asked.
    await settled(page, 30_000);
    expect(session.sim.requests.filter((r) => /archive\.org$/.test(r.host))).toEqual([]);
    await page.close();
  });

  it('stays off on the site the policy names (an EHR): nothing of ours runs there at all', async () => {
    // The same links on a site the policy leaves on: the first look runs there (it is what would run on the EHR).
    const control = await session.browser.newPage();
    await visit(control, `https://${GUIDE_HOST}/guide.html`);
    await control.waitForFunction(() => performance.getEntriesByName('still-there:start').length > 0, {
      timeout: 15_000,
      polling: 100,
    });
    await control.close();
    const page = await session.browser.newPage();
    await visit(page, `https://${EHR_HOST}/patient.html`);
    // Longer than the control took to start: no script of ours starts, reads or sends the page, and nothing is marked.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await page.evaluate(() => performance.getEntriesByName('still-there:start').length)).toBe(0);
    expect(await page.$$eval('a[data-link-health]', (as) => as.length)).toBe(0);

    // The clinician opens the popup on the EHR's tab, to look a group up: it searches, and runs nothing in the page,
    // not even the call that wakes a sleeping script of ours (in Chromium, a world of ours would be made for it).
    const worlds: string[] = [];
    const cdp = session.kind === 'chromium' ? await page.createCDPSession() : null;
    cdp?.on('Runtime.executionContextCreated', (event) => worlds.push(event.context.name));
    await cdp?.send('Runtime.enable');
    const welcome = await session.extensionPage();
    const tabId = await welcome.evaluate(
      async (url: string) =>
        (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.query({ url }))[0]?.id,
      `https://${EHR_HOST}/patient.html`,
    );
    const popup = await session.extensionPage(`/popup.html?tab=${tabId}`);
    try {
      await popup.waitForSelector('#audit-page', { timeout: 20_000 });
      await popup.type('#q', 'NAMI');
      await popup.waitForSelector('#results li[data-group-id="nami"]', { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 1_000)); // the popup asks the page for its groups after it offers the audit
      expect(await popup.$eval('#on-page', (el) => (el as HTMLElement).hidden)).toBe(true);
      if (cdp) expect(worlds.filter((name) => name === 'still-there')).toEqual([]);
    } finally {
      // Closed whatever happened: a popup left in front would take the next test's clicks.
      await cdp?.detach();
      await popup.close();
    }
    await page.close();
  });

  it('a user who edits the settings cannot undo the policy', async () => {
    await options.bringToFront(); // clicks land only in the tab in front (the test before opened others)
    await options.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('input[name="showUnverified"]')!;
      box.checked = true;
    });
    await options.click('button[type="submit"]');
    await options.waitForFunction(() => document.querySelector('#saved')?.textContent !== '', { timeout: 10_000 });
    const saved = await options.evaluate(
      async () =>
        (
          (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.local.get(
            'settings',
          )) as { settings: Record<string, unknown> }
        ).settings,
    );
    // The user's own choice is kept; the locked ones are not written as theirs.
    expect(saved.showUnverified).toBe(true);
    expect(saved.feeds).toEqual([]);
    expect(saved.offSites).toEqual([]);
    expect(await options.$eval('textarea[name="feeds"]', (t) => (t as HTMLTextAreaElement).value)).toBe(
      `${FEED_URL} ${KEY.publicKey}`,
    );
  });

  // The policy is the test browser's alone: written into the machine's own folder, it would reach every browser
  // started afterwards (and it once did, through Debian's symbolic link: see privateCopy).
  it("leaves the machine's own policy folder as it was", () => {
    expect(machinePolicyFolder(kind)).toEqual(machineFolderBefore);
  });
});
