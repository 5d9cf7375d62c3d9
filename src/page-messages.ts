/**
 * Messages from the extension's own pages and the background to a tab's marker (src/page-marker/start.ts). Every
 * page but those of sites turned off runs the first look (src/page-marker/first-look.ts); the marker runs only where that look found a link that
 * could be a resource, or where a person asked for it. The marker sets up its listener when first needed: when a
 * message finds no one listening, it is woken — a call, run in the extension's own isolated world through the
 * scripting API, that sets up its listener — and the message is sent once more. The page's own scripts cannot see or
 * call the wake.
 */
import type { browser as Browser } from 'wxt/browser';

type Api = Pick<typeof Browser, 'tabs' | 'scripting' | 'runtime'>;

/** The marker's wake, a global of the extension's isolated world (never the page's own). */
export const WAKE_GLOBAL = 'stillThereWake';

/**
 * In a page: whether a marker runs here and can answer (its wake says so). The first look asks it before it looks, and
 * the marker before it starts, so that one marker at most follows a page.
 */
export function markerHere(): boolean {
  const wake = (globalThis as Record<string, unknown>)[WAKE_GLOBAL];
  return typeof wake === 'function' && wake() === true;
}

/** The first look's call, in a page it found quiet, to look at the page again (after the settings change). */
export const LOOK_AGAIN_GLOBAL = 'stillThereLookAgain';

/**
 * What the first look leaves for the marker that may follow it in the same page: when it started and how long it
 * kept the page busy, for the budget figures (the marker's own count goes on from them).
 */
export const LOOK_GLOBAL = 'stillThereLook';
export interface LookFigures {
  startedAt: number;
  busyMs: number;
}

/** The marker as built, run by the background where the first look asks for it, and in tabs that never ran it. */
export const CONTENT_SCRIPT_FILE = '/page-marker.js';

/** How long a report waits for a tab that is still loading before it asks it for its links anyway. */
const LOADING_PATIENCE_MS = 20_000;

type TabOptions = {
  frameId?: number;
  /**
   * Also run the marker in a tab that has none: a page the first look found quiet, a tab opened before still-there was
   * installed or updated (browsers run registered content scripts only in pages loaded afterwards), one loaded
   * while the extension was off, or a page of a site turned off (src/background/page-script.ts). Only for what a person asked of that very tab (the audit report, the context menu),
   * never for pushes.
   */
  inject?: boolean;
};

/**
 * tabs.sendMessage, waking the content script and trying once more when no one listens; with `inject`, running the
 * script first where there is none. Rejects as tabs.sendMessage does when the tab has no content script of ours and
 * none can run there (a browser page, the web store, a closed tab).
 */
export async function sendToPage(
  api: Api,
  tabId: number,
  message: unknown,
  options: TabOptions = {},
): Promise<unknown> {
  const frameId = options.frameId ?? 0;
  const send = () => api.tabs.sendMessage(tabId, message, { frameId });
  try {
    return await send();
  } catch (error) {
    if (await wake(api, tabId, frameId)) return send();
    if (!options.inject) throw error;
    // A page still loading has not run its script yet (document_idle): wait for it rather than run a second one.
    if (await finishedLoading(api, tabId)) {
      if (await wake(api, tabId, frameId)) return send();
    }
    if (!(await runContentScript(api, tabId, frameId)) || !(await wake(api, tabId, frameId))) throw error;
    return send();
  }
}

/**
 * Whether the tab was still loading (and has now finished, or the wait ran out). A tab already loaded answers false
 * at once.
 */
async function finishedLoading(api: Api, tabId: number): Promise<boolean> {
  const tab = await api.tabs.get(tabId).catch(() => null);
  if (tab?.status !== 'loading') return false;
  await new Promise<void>((resolve) => {
    const done = () => {
      api.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const listener = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, LOADING_PATIENCE_MS);
    api.tabs.onUpdated.addListener(listener);
  });
  return true;
}

/** Runs the content script in a tab that has none; false where the browser lets no extension run (chrome://). */
async function runContentScript(api: Api, tabId: number, frameId: number): Promise<boolean> {
  try {
    const target = { tabId, frameIds: [frameId] };
    const files = stylesheetsOf(api.runtime.getManifest());
    if (files.length > 0) await api.scripting.insertCSS({ target, files });
    await api.scripting.executeScript({ target, files: [CONTENT_SCRIPT_FILE] });
    return true;
  } catch {
    return false;
  }
}

/** Whether the tab's content script was there, alive, to wake. */
async function wake(api: Api, tabId: number, frameId: number): Promise<boolean> {
  try {
    const [injection] = await api.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      // Runs in the tab, in the extension's isolated world: it must not use anything from this module's scope.
      func: (name: string) => {
        const wakeUp = (globalThis as Record<string, unknown>)[name];
        return typeof wakeUp === 'function' ? wakeUp() === true : false;
      },
      args: [WAKE_GLOBAL],
    });
    return injection?.result === true;
  } catch {
    return false; // a page we may not run scripts in
  }
}

/**
 * The marks' stylesheets (the manifest's, src/page-marker/marks.css), to insert wherever we run a script of ours in a
 * page the browser ran none of ours in. The browser adds them by itself only to pages loaded since the install: in a
 * page open then, a dead link would be marked without its strike-through. In a page that has them already, the same
 * rules twice change nothing.
 */
export function stylesheetsOf(manifest: { content_scripts?: Array<{ css?: string[] }> }): string[] {
  return (manifest.content_scripts ?? []).flatMap((script) => script.css ?? []);
}
