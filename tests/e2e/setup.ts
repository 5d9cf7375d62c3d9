/** One simulated web and one browser per test file, with the e2e pages served on their own host. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import type { Condition } from '../fixtures/sealed/world.ts';
import { startSimWeb, type SimWeb, type SimWebOptions } from '../fixtures/simweb/server.ts';
import { launchChromium, visit, welcomed } from './harness.ts';

export interface World {
  sim: SimWeb;
  browser: Browser;
  extensionId: string;
  userDataDir: string;
  /** Closes the browser and opens it again on the same profile (the unpacked extension keeps its id): a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `browserOptions.lang`: the browser's UI language (default: the machine's, English here); `condition`: the network
 * the browser is on (default online, in the simulation's sealed network).
 */
export async function startWorld(
  pages: Record<string, Record<string, string>>,
  simOptions: SimWebOptions = {},
  browserOptions: { lang?: string; condition?: Condition } = {},
): Promise<World> {
  const sim = await startSimWeb({ ...simOptions, pages });
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'still-there-e2e-'));
  const launched = await launchChromium(sim, { userDataDir, ...browserOptions });
  await welcomed(launched.browser, launched.extensionId);
  const world: World = {
    sim,
    browser: launched.browser,
    extensionId: launched.extensionId,
    userDataDir,
    async restart() {
      await world.browser.close();
      const again = await launchChromium(sim, { userDataDir, ...browserOptions });
      world.browser = again.browser;
      world.extensionId = again.extensionId;
      // The launch installs the extension anew, so the page script is registered again first (tests/e2e/browsers.ts).
      await welcomed(again.browser, again.extensionId);
    },
    async close() {
      await world.browser?.close().catch(() => undefined);
      await sim.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return world;
}

export async function open(world: World, url: string): Promise<Page> {
  const page = await world.browser.newPage();
  await visit(page, url);
  return page;
}
